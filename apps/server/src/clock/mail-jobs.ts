// Sending mail as periodic jobs: the outbox's due messages every minute, and each morning's digests.
import { createMailTransport, deliverDueMessages, sendDailyDigests, type MailTransport } from "@steward/api";

import type { MailEnv } from "../env.ts";
import { localTimeOf, type ClockSettings, type PeriodicJob } from "./jobs.ts";

/**
 * `deliver-mail` (every minute): every tenant's due messages through the configured transport, retried
 * with backoff (a message is claimed FOR UPDATE SKIP LOCKED, so two processes never send one twice).
 * `send-digests` (every quarter hour, doing something only from the clock's time of day): one digest per
 * person who chose it, per day (a second run that day makes none). Returns the jobs and the function that
 * closes the transport.
 */
export function mailJobs(
  mail: MailEnv,
  from: string,
  settings: ClockSettings,
): { jobs: PeriodicJob[]; close: () => void } {
  const transport: MailTransport = createMailTransport(mail, from);
  const jobs: PeriodicJob[] = [
    {
      name: "deliver-mail",
      kind: "every",
      minutes: 1,
      run: ({ database, now }) => deliverDueMessages(database.db, transport, now),
    },
    {
      name: "send-digests",
      kind: "every",
      minutes: 15,
      run: async ({ database, now }) =>
        localTimeOf(now, settings.timeZone) >= settings.time ? sendDailyDigests(database.db, now) : 0,
    },
  ];
  return { jobs, close: () => transport.close() };
}
