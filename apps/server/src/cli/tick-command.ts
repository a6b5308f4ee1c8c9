// `tick`: the daily check, run by hand (the server's clock runs the same service each morning).
import { parseArgs } from "node:util";

import { catchUpDailyChecks, runDailyCheck, type DailyCheckSummary } from "@steward/api";
import { listTenants, type Tenant } from "@steward/db";

import { tenantOf, withDatabase } from "./database.ts";
import { plural, UsageError, type Command } from "./usage.ts";

/** Today's date (UTC, as the engine dates a day). */
const todayOf = (now: Date) => now.toISOString().slice(0, 10);

/** The day `--date` names (today when absent): a real date, not after today (a check cannot run ahead of the clock). */
function readDate(date: string | undefined, now: Date): string {
  const today = todayOf(now);
  if (date === undefined) return today;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || todayOf(parsed) !== date)
    throw new UsageError(`--date is a day like 2027-03-14, not "${date}".`);
  if (date > today)
    throw new UsageError(`--date ${date} is after today (${today}): the check runs on a day that has come.`);
  return date;
}

/** The summary of one tenant's check, as lines for the operator. */
function describeSummary(tenant: Tenant, summary: DailyCheckSummary): string[] {
  const who = `${tenant.name} (${tenant.slug}), ${summary.date}`;
  if (summary.outcome === "already-checked")
    return [`${who}: already checked (${plural(summary.casesChecked, "open case")}); nothing done.`];
  const lines = [
    `${who}: ${plural(summary.casesChecked, "open case")} checked${summary.resumed ? " (the rest of a run that had stopped)" : ""}, ${plural(summary.moved.length, "move")}, ${plural(summary.failed.length, "failure")}.`,
  ];
  for (const m of summary.moved)
    lines.push(`  moved URN ${m.urn}: ${m.from} -> ${m.to} (${m.transition}), case ${m.caseId}`);
  for (const f of summary.failed) lines.push(`  FAILED URN ${f.urn}, case ${f.caseId}: ${f.message}`);
  return lines;
}

/**
 * `tick [--date YYYY-MM-DD] [--tenant slug]`: the daily check for every
 * authority (or one): every open case's automatic transitions that now hold
 * are taken. Without `--date`, the days owed up to today (a run left
 * unfinished, days missed since the last, at most a fortnight), as the
 * server's clock does; with it, that one day. A day already checked is not
 * checked again. Exit 1 when a case could not be checked.
 */
export const tickCommand: Command = (args) => {
  const { values } = parseArgs({ args, options: { date: { type: "string" }, tenant: { type: "string" } } });
  const now = new Date();
  const date = readDate(values.date, now);
  return withDatabase(async (database) => {
    const tenants = values.tenant ? [await tenantOf(database, values.tenant)] : await listTenants(database.db);
    let failures = 0;
    for (const tenant of tenants) {
      const summaries = values.date
        ? [await runDailyCheck(database.db, { tenantId: tenant.id, date, now })]
        : await catchUpDailyChecks(database.db, { tenantId: tenant.id, date, now });
      if (summaries.length === 0) console.log(`${tenant.name} (${tenant.slug}): already checked up to ${date}.`);
      for (const summary of summaries) {
        failures += summary.failed.length;
        for (const line of describeSummary(tenant, summary)) console.log(line);
      }
    }
    if (tenants.length === 0) console.log("There are no authorities on this database.");
    return failures > 0 ? 1 : 0;
  });
};
