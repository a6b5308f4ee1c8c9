import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { insertNotificationMessages, withTenant, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { deliverDueMessages, sendDailyDigests } from "./services/notifications/delivery.ts";
import { createMailTransport, type MailTransport } from "./services/notifications/transports.ts";
import { invitationTokenIn, readMessages } from "./testing/fixtures/outbox.ts";
import { TestWorld } from "./testing/fixtures/world.ts";
import { containing } from "./testing/matchers.ts";

/** One email as the SMTP server received it: the envelope's recipients and the message, decoded. */
interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Quoted-printable, as nodemailer writes a long or non-ASCII body, read back. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function parseMessage(raw: string, to: string[]): Received {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n\s+/g, " ");
  const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? "";
  const body = rest.join("\n\n");
  return {
    to,
    subject,
    text: /quoted-printable/i.test(headers) ? decodeQuotedPrintable(body) : body,
  };
}

/** A real SMTP server on a free port, keeping what it receives; `refuse` makes it refuse every message. */
async function startSmtp(options: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.refuse) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 451 }));
        received.push(
          parseMessage(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  const transport = createMailTransport(
    { transport: "smtp", url: `smtp://127.0.0.1:${port}` },
    "Steward <steward@example.test>",
  );
  return {
    received,
    transport,
    close: async () => {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let database: StewardDatabase;
let world: TestWorld;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  database = await openTestDatabase();
  // Cambridgeshire's policy also tells its policy administrator of every stage move: Lincolnshire has a role of
  // the same key, whose holders must never hear of it.
  world = await TestWorld.create(database, "notify", (key, policy) => {
    if (key === "cambridgeshire")
      policy.notifications = [
        ...(policy.notifications ?? []),
        {
          key: "stage-changed-administrator",
          event: "stage-changed",
          recipients: [{ role: "policy-administrator" }],
          subject: "{{ school.name }}: {{ case.stage }}",
          body: "Dear {{ recipient.name }}, {{ school.name }} moved on {{ event.date }}.",
          delivery: "immediate",
        },
      ];
    return policy;
  });
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const cambs = () => world.tenants.cambridgeshire;
const deliver = (transport: MailTransport = smtp.transport, options = {}) =>
  deliverDueMessages(database.db, transport, world.now, options);

async function openAssignedCase(urn: number) {
  const senior = await world.as("cambridgeshire", "la-senior-officer");
  const { caseId } = await senior.api.cases.open({ urn });
  const officers = await senior.api.users.list({ officersOnly: true });
  const adviser = officers.find((o) => o.email === cambs().users["school-improvement-adviser"])!;
  await senior.api.cases.assign({ caseId, officerId: adviser.id });
  return { senior, caseId, adviser };
}

describe("notifications from the policy, through a real SMTP server", () => {
  it("sends each event's message once to each recipient, never again on a rerun", async () => {
    const [school] = cambs().schools;
    const { senior, caseId } = await openAssignedCase(school!.urn);
    const adviserEmail = cambs().users["school-improvement-adviser"]!;

    expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });
    const assigned = smtp.received.filter((m) => m.to.includes(adviserEmail));
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.subject).toBe(`${school!.name}: you are its School Improvement Adviser`);
    expect(assigned[0]!.text).toContain(`assigned ${school!.name} (URN ${school!.urn}) to you on 4 October 2021`);

    // A stage move: the assigned adviser at once, the administrator (this test's rule) at once, the senior
    // officers in their digest.
    await senior.api.cases.changeStage({ caseId, stage: "intervention-and-support", reason: "Falling standards" });
    const before = smtp.received.length;
    expect(await deliver()).toMatchObject({ sent: 2 });
    const moved = smtp.received.slice(before);
    expect(moved.map((m) => m.to[0]).sort()).toEqual([adviserEmail, cambs().users["policy-administrator"]!].sort());
    expect(moved.find((m) => m.to.includes(adviserEmail))!.text).toContain("Reason: Falling standards");

    // Running the loop again sends nothing more.
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received.length).toBe(before + 2);
    const rows = await readMessages(database, cambs().tenant.id);
    // The same events written again (a retried command, a rerun tick) make no second message.
    const again = await withTenant(database.db, cambs().tenant.id, (trx) =>
      insertNotificationMessages(
        trx,
        cambs().tenant.id,
        rows.map((r) => ({
          id: randomUUID(),
          recipientId: r.recipient_id,
          recipientEmail: r.recipient_email,
          subject: r.subject,
          body: r.body,
          ruleKey: r.rule_key,
          caseId: r.case_id,
          eventSeq: r.event_seq,
          dedupeKey: r.dedupe_key,
          delivery: r.delivery,
          status: "queued",
          createdAt: world.now,
          nextAttemptAt: world.now,
        })),
      ),
    );
    expect(again).toBe(0);
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("never tells a user of another authority, even one holding a role of the same key", async () => {
    const lincs = world.tenants.lincolnshire;
    expect(await readMessages(database, lincs.tenant.id)).toEqual([]);
    const lincolnshireAddresses = Object.values(lincs.users);
    expect(smtp.received.flatMap((m) => m.to).filter((to) => lincolnshireAddresses.includes(to))).toEqual([]);
    expect(smtp.received.some((m) => m.to.includes(cambs().users["policy-administrator"]!))).toBe(true);
  });

  it("gathers digest messages into one email a day per person, and only one", async () => {
    const seniorEmail = cambs().users["la-senior-officer"]!;
    const held = (await readMessages(database, cambs().tenant.id, seniorEmail)).filter((m) => m.status === "held");
    expect(held).toHaveLength(1);

    // The adviser chooses the daily digest: the next move waits for it too.
    const adviser = await world.as("cambridgeshire", "school-improvement-adviser");
    await adviser.api.notifications.setSettings({ delivery: "digest" });
    expect(await adviser.api.notifications.settings()).toMatchObject({ delivery: "digest" });
    const { senior, caseId } = await openAssignedCase(cambs().schools[1]!.urn);
    await senior.api.cases.changeStage({ caseId, stage: "intervention-and-support", reason: "Attendance" });
    const before = smtp.received.length;
    await deliver();
    expect(smtp.received.slice(before).some((m) => m.to.includes(cambs().users["school-improvement-adviser"]!))).toBe(
      false,
    );

    await world.at("2021-10-05T07:00:00Z", adviser);
    expect(await sendDailyDigests(database.db, world.now)).toBe(2);
    // A second run on the same morning makes no second digest.
    expect(await sendDailyDigests(database.db, world.now)).toBe(0);
    await deliver();
    const digests = smtp.received.slice(before).filter((m) => m.subject.includes("your daily summary"));
    expect(digests.map((m) => m.to[0]).sort()).toEqual(
      [cambs().users["school-improvement-adviser"]!, seniorEmail].sort(),
    );
    const seniorDigest = digests.find((m) => m.to.includes(seniorEmail))!;
    expect(seniorDigest.subject).toBe("Cambridgeshire County Council: your daily summary for 5 October 2021");
    expect(seniorDigest.text).toContain("2 updates");
    expect(seniorDigest.text).toContain(cambs().schools[0]!.name);
    expect(seniorDigest.text).toContain(cambs().schools[1]!.name);
    await adviser.api.notifications.setSettings({ delivery: "immediate" });
  });

  it("retries a failed delivery with growing waits, then shows it failed in the outbox", async () => {
    const failing = await startSmtp({ refuse: true });
    try {
      await openAssignedCase(cambs().schools[2]!.urn);
      const options = { maxAttempts: 3, retryAfterMs: 60_000 };
      expect(await deliver(failing.transport, options)).toMatchObject({ sent: 0, retrying: 1 });
      let [row] = (await readMessages(database, cambs().tenant.id)).filter((m) => m.status === "queued");
      expect(row).toMatchObject({ attempts: 1, last_error: containing("Mailbox unavailable") });
      expect(row!.next_attempt_at.getTime() - world.now.getTime()).toBe(60_000);
      // Not due yet: nothing is tried.
      expect(await deliver(failing.transport, options)).toEqual({ sent: 0, retrying: 0, failed: 0 });

      await world.at(new Date(world.now.getTime() + 60_000).toISOString());
      expect(await deliver(failing.transport, options)).toMatchObject({ retrying: 1 });
      [row] = (await readMessages(database, cambs().tenant.id)).filter((m) => m.id === row!.id);
      expect(row!.next_attempt_at.getTime() - world.now.getTime()).toBe(120_000);

      await world.at(new Date(world.now.getTime() + 120_000).toISOString());
      expect(await deliver(failing.transport, options)).toMatchObject({ failed: 1 });

      const administrator = await world.as("cambridgeshire", "policy-administrator");
      const failed = await administrator.api.notifications.outbox({ status: "failed" });
      expect(failed.messages).toEqual([
        expect.objectContaining({
          recipient: cambs().users["school-improvement-adviser"],
          status: "failed",
          attempts: 3,
          lastError: containing("Mailbox unavailable"),
        }),
      ]);
      expect(JSON.stringify(failed)).not.toContain("Dear ");
      const head = await world.as("cambridgeshire", "headteacher");
      await expect(head.api.notifications.outbox({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    } finally {
      await failing.close();
    }
  });

  it("never sends to a user disabled since the message was queued", async () => {
    const { senior, caseId } = await openAssignedCase(cambs().schools[0]!.urn).catch(async () => {
      // The first school's case is open already: move it instead.
      const s = await world.as("cambridgeshire", "la-senior-officer");
      const list = await s.api.cases.list({ search: cambs().schools[0]!.name });
      return { senior: s, caseId: list.items[0]!.id, adviser: undefined };
    });
    await senior.api.cases.changeStage({ caseId, stage: "support-and-challenge", reason: "Improved" });
    const administrator = await world.as("cambridgeshire", "policy-administrator");
    const adviserId = (await administrator.api.users.list({})).find(
      (u) => u.email === cambs().users["school-improvement-adviser"],
    )!.id;
    await administrator.api.users.setRoles({ id: adviserId, status: "disabled" });
    const before = smtp.received.length;
    await deliver();
    expect(smtp.received.slice(before).some((m) => m.to.includes(cambs().users["school-improvement-adviser"]!))).toBe(
      false,
    );
    const rows = await readMessages(database, cambs().tenant.id, cambs().users["school-improvement-adviser"]);
    expect(rows.at(-1)).toMatchObject({ status: "failed", last_error: containing("disabled") });
    await administrator.api.users.setRoles({ id: adviserId, status: "active" });
  });

  it("emails an invitation to the invitee, never its link to the inviter", async () => {
    const administrator = await world.as("cambridgeshire", "policy-administrator");
    const result = await administrator.api.users.invite({
      email: "new.adviser@notify.test",
      displayName: "New Adviser",
      grants: [{ role: "school-improvement-adviser" }],
    });
    expect(result.sentTo).toBe("new.adviser@notify.test");
    const before = smtp.received.length;
    await deliver();
    const [email] = smtp.received.slice(before).filter((m) => m.to.includes("new.adviser@notify.test"));
    expect(email!.subject).toBe("Cambridgeshire County Council: you are invited to Steward");
    expect(smtp.received.slice(before).some((m) => m.to.includes(cambs().users["policy-administrator"]!))).toBe(false);
    const token = invitationTokenIn(email!.text);
    expect(JSON.stringify(result)).not.toContain(token);
    await world
      .client()
      .api.auth.acceptInvite({ tenant: cambs().tenant.slug, token, password: "a long enough password" });
    const guest = await world.client().signIn(cambs().tenant.slug, "new.adviser@notify.test", "a long enough password");
    expect((await guest.api.auth.me())?.user.displayName).toBe("New Adviser");
  });
});
