// The daily check as a periodic job: each authority's open cases, each morning, catching up missed days.
import { catchUpDailyChecks } from "@steward/api";

import type { DailyTenantJob } from "./jobs.ts";

/**
 * `daily-check`: the policy's automatic transitions that the day makes hold, for every open case of
 * the authority, as Steward (daily check); the days missed since the last run first, in order (at most
 * a fortnight). A day already checked is not checked again, so a retry or a second process is harmless.
 */
export const dailyCheckJob: DailyTenantJob = {
  name: "daily-check",
  kind: "daily-per-tenant",
  run: ({ database, tenantId, date, now }) => catchUpDailyChecks(database.db, { tenantId, date, now }),
};
