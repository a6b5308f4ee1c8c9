// The daily clock's runs (`clock_runs`) and the reading of open cases in the batches the clock checks them in.
import type { CaseRow, ClockRunRow } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/**
 * Starts (or resumes) the tenant's run of `day` and locks its row until the transaction ends, so two
 * processes that reach one day at once take turns; a run found unfinished counts one more attempt.
 * Returns the run as it now is (`finished` when the day was checked before: nothing more to do).
 */
export async function claimClockRun(
  trx: TenantTransaction,
  tenantId: string,
  day: string,
  now: Date,
): Promise<ClockRunRow> {
  const inserted = await trx
    .insertInto("clock_runs")
    .values({ tenant_id: tenantId, day, started_at: now })
    .onConflict((oc) => oc.columns(["tenant_id", "day"]).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return inserted;
  const run = await lockClockRun(trx, day);
  if (!run) throw new Error(`The clock's run of ${day} could not be read back.`);
  if (run.status === "finished") return run;
  return trx
    .updateTable("clock_runs")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), error: null }))
    .where("day", "=", day)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The tenant's run of `day`, its row locked until the transaction ends (undefined when the day has no run). */
export async function lockClockRun(trx: TenantTransaction, day: string): Promise<ClockRunRow | undefined> {
  return trx.selectFrom("clock_runs").selectAll().where("day", "=", day).forUpdate().executeTakeFirst();
}

/** The tenant's run of `day`, unlocked (undefined when the day has no run). */
export async function findClockRun(trx: TenantTransaction, day: string): Promise<ClockRunRow | undefined> {
  return trx.selectFrom("clock_runs").selectAll().where("day", "=", day).executeTakeFirst();
}

/** The tenant's latest run (finished or not), where the clock's catch-up starts from. */
export async function findLatestClockRun(trx: TenantTransaction): Promise<ClockRunRow | undefined> {
  return trx.selectFrom("clock_runs").selectAll().orderBy("day", "desc").limit(1).executeTakeFirst();
}

/** Adds one batch's counts to the run of `day` and moves its cursor past the batch's last case. */
export async function advanceClockRun(
  trx: TenantTransaction,
  day: string,
  batch: { lastCaseId: string; checked: number; moves: number; failures: number; error: string | null },
): Promise<void> {
  await trx
    .updateTable("clock_runs")
    .set((eb) => ({
      last_case_id: batch.lastCaseId,
      cases_checked: eb("cases_checked", "+", batch.checked),
      moves: eb("moves", "+", batch.moves),
      failures: eb("failures", "+", batch.failures),
      ...(batch.error === null ? {} : { error: batch.error }),
    }))
    .where("day", "=", day)
    .execute();
}

/** Marks the run of `day` finished: every open case was checked. */
export async function finishClockRun(trx: TenantTransaction, day: string, now: Date): Promise<ClockRunRow> {
  return trx
    .updateTable("clock_runs")
    .set({ status: "finished", finished_at: now })
    .where("day", "=", day)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records why a run stopped (it stays unfinished, to be resumed). */
export async function failClockRun(trx: TenantTransaction, day: string, error: string): Promise<void> {
  await trx.updateTable("clock_runs").set({ error }).where("day", "=", day).where("status", "=", "running").execute();
}

/**
 * The next `limit` open cases after `afterId` in id order (from the first when null), their rows locked
 * until the transaction ends: the daily clock's batch, read in one query (the primary key's range).
 */
export async function listOpenCasesAfter(
  trx: TenantTransaction,
  afterId: string | null,
  limit: number,
): Promise<CaseRow[]> {
  let query = trx.selectFrom("cases").selectAll().where("status", "=", "open");
  if (afterId !== null) query = query.where("id", ">", afterId);
  return query.orderBy("id").limit(limit).forUpdate().execute();
}
