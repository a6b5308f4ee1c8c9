// The daily check: what changes for a case only because a day passed (a rolling window empties, a value goes
// stale, months in a stage add up), for every open case of a tenant, without anyone writing to the case. The
// server's clock runs it each morning (and catches up days it missed); the operator's `pnpm steward tick` too.
import { randomUUID } from "node:crypto";

import {
  advanceClockRun,
  claimClockRun,
  failClockRun,
  findLatestClockRun,
  findSchools,
  finishClockRun,
  listOpenCasesAfter,
  lockClockRun,
  withSavepoint,
  withTenant,
  type CaseRow,
  type School,
  type StewardDatabase,
  type TenantTransaction,
} from "@steward/db";
import {
  addDays,
  buildAbility,
  daysBetween,
  decideOnTheDay,
  evolve,
  toIsoDate,
  type CaseState,
  type IndicatorReading,
  type IsoDate,
  type PolicyAbility,
} from "@steward/domain";

import { schoolAttributesOf } from "./access.ts";
import { readCaseState } from "./case-state.ts";
import { getSchoolFacts, saveCaseEvents, SYSTEM_ACTOR_ID } from "./cases.ts";
import { loadIndicatorReadingsBySchool } from "./indicators/readings.ts";
import { loadPolicyVersion, type LoadedPolicy } from "./policies.ts";
import { refreshCaseTasks } from "./tasks.ts";

/** Steward itself, as the daily check acts: no user, and no role (the engine's day decision checks no permission). */
export const DAILY_CHECK_ACTOR = { id: SYSTEM_ACTOR_ID, displayName: "Steward (daily check)" } as const;

/** How many open cases one transaction of the check reads, decides and writes (and its cursor moves past). */
const DAILY_CHECK_BATCH = 200;

/** How many days the clock catches up at most (the server was off over a weekend, a holiday): the latest ones. */
export const CATCH_UP_DAYS = 14;

/** One move the check made: the case, its school, the stage it left and entered, and the policy's transition. */
export interface DailyCheckMove {
  caseId: string;
  urn: number;
  from: string;
  to: string;
  transition: string;
}

export interface DailyCheckSummary {
  date: IsoDate;
  /**
   * `checked`: this run checked the day's open cases (all of them, or the rest of a run that had
   * stopped part way: `resumed`); `already-checked`: the day was finished before, so nothing was done.
   */
  outcome: "checked" | "already-checked";
  resumed: boolean;
  /** Open cases checked by this run (for a day already checked: by the run that checked it). */
  casesChecked: number;
  moved: DailyCheckMove[];
  /** Cases the check could not finish (nothing of them was written), each with why. */
  failed: { caseId: string; urn: number; message: string }[];
}

/**
 * The instant the day's events carry: `now` when it falls on the day checked,
 * otherwise noon (UTC) of that day (a day caught up or simulated), so the
 * engine's "today" is always the day checked.
 */
function instantOf(date: IsoDate, now: Date): Date {
  return toIsoDate(now) === date ? now : new Date(`${date}T12:00:00.000Z`);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the check reads once per run, not once per case: the policy versions cases are under and their abilities. */
class RunCache {
  private readonly policies = new Map<string, { policy: LoadedPolicy; ability: PolicyAbility }>();
  constructor(private readonly tenantId: string) {}

  async policyOf(trx: TenantTransaction, id: string) {
    const known = this.policies.get(id);
    if (known) return known;
    const policy = await loadPolicyVersion(trx, this.tenantId, id);
    if (!policy) throw new Error(`A case refers to policy version ${id}, which is missing.`);
    const ability = buildAbility(policy.document, { id: DAILY_CHECK_ACTOR.id, tenantId: this.tenantId, grants: [] });
    const loaded = { policy, ability };
    this.policies.set(id, loaded);
    return loaded;
  }
}

/** What a case's check needs beside its row, read for the whole batch at once. */
interface BatchContext {
  trx: TenantTransaction;
  tenantId: string;
  instant: Date;
  cache: RunCache;
  schools: Map<number, School>;
  /** The school's indicator readings, by policy version and school. */
  readings: Map<string, Map<number, IndicatorReading[]>>;
}

/**
 * Checks one case on the day, in the batch's transaction: decides what the day changes and writes it
 * (events, projection, register entries, an audit row "daily-check"). Returns the moves made (none when
 * nothing holds).
 */
async function checkCase(context: BatchContext, row: CaseRow): Promise<DailyCheckMove[]> {
  const { trx, tenantId, instant } = context;
  const state = readCaseState(row.state, row.id);
  if (state.status === "closed") return [];
  const { policy, ability } = await context.cache.policyOf(trx, row.policy_version_id);
  const school = context.schools.get(row.school_urn);
  const schoolData = {
    schoolData: getSchoolFacts(school),
    indicatorReadings: context.readings.get(policy.id)?.get(row.school_urn) ?? [],
  };
  const events = decideOnTheDay(state, {
    policy: policy.document,
    policyVersionId: policy.id,
    actor: { id: DAILY_CHECK_ACTOR.id, grants: [], ability },
    now: instant,
    newId: randomUUID,
    schoolAttributes: schoolAttributesOf(school),
    ...schoolData,
  });
  if (events.length === 0) {
    // Nothing moves, but what is due (a visit the plan asks for, work now overdue) changes with the day alone.
    await withSavepoint(trx, () =>
      refreshCaseTasks(trx, tenantId, row.id, state, policy.document, toIsoDate(instant), schoolData),
    );
    return [];
  }
  const moves: DailyCheckMove[] = [];
  let after: CaseState = state;
  for (const event of events) {
    if (event.type === "stage-changed")
      moves.push({
        caseId: row.id,
        urn: row.school_urn,
        from: after.stage,
        to: event.stage,
        transition: event.transition ?? "",
      });
    after = evolve(after, event);
  }
  // Behind a savepoint: a write that fails undoes only this case's, and the batch goes on.
  await withSavepoint(trx, () =>
    saveCaseEvents(
      { trx, tenantId, user: { ...DAILY_CHECK_ACTOR, grants: [] }, now: () => instant },
      { row },
      { events, state: after, policy },
      {
        action: "daily-check",
        detail: {
          date: toIsoDate(instant),
          transitions: moves.map(({ from, to, transition }) => ({ transition, from, to })),
        },
      },
    ),
  );
  return moves;
}

/** Reads what the batch's cases need (their schools, the indicator readings under each policy version), in a few queries. */
async function readBatchContext(
  trx: TenantTransaction,
  tenantId: string,
  instant: Date,
  cache: RunCache,
  rows: readonly CaseRow[],
): Promise<BatchContext> {
  const urns = rows.map((r) => r.school_urn);
  const schools = new Map((await findSchools(trx, urns)).map((s) => [s.urn, s]));
  const readings = new Map<string, Map<number, IndicatorReading[]>>();
  for (const versionId of new Set(rows.map((r) => r.policy_version_id))) {
    const { policy } = await cache.policyOf(trx, versionId);
    const ofVersion = rows.filter((r) => r.policy_version_id === versionId).map((r) => r.school_urn);
    readings.set(policy.id, await loadIndicatorReadingsBySchool(trx, policy.document, ofVersion));
  }
  return { trx, tenantId, instant, cache, schools, readings };
}

/**
 * Checks one batch of cases in the caller's transaction: a case that fails leaves nothing of itself
 * and the batch goes on.
 */
async function checkBatch(context: BatchContext, rows: readonly CaseRow[], summary: DailyCheckSummary) {
  let moves = 0;
  let failures = 0;
  let lastError: string | null = null;
  for (const row of rows) {
    try {
      const moved = await checkCase(context, row);
      summary.moved.push(...moved);
      moves += moved.length;
    } catch (error) {
      lastError = messageOf(error);
      summary.failed.push({ caseId: row.id, urn: row.school_urn, message: lastError });
      failures++;
    }
    summary.casesChecked++;
  }
  return { moves, failures, error: lastError };
}

/**
 * Runs the daily check for one tenant on `date`: every open case is read and the policy's automatic
 * transitions that now hold are taken, as events by Steward (daily check), written as a command's are
 * (events, projections, register entries and an audit row "daily-check").
 *
 * The day is recorded in `clock_runs`: cases are checked in id order, `batchSize` at a time, each batch
 * in one transaction that also moves the run's cursor past it, so a run that stopped part way (a crash)
 * resumes after the last batch it finished, two processes on one day take turns and never check a
 * case twice, and a day once finished is never run again (`outcome: "already-checked"`: no event, no
 * audit row). A case that fails is left as it was and reported; the others are done.
 * `afterBatch` (tests) is called after each batch has committed.
 */
export async function runDailyCheck(
  db: StewardDatabase["db"],
  options: {
    tenantId: string;
    date: IsoDate;
    now: Date;
    batchSize?: number;
    afterBatch?: (checked: number) => void | Promise<void>;
  },
): Promise<DailyCheckSummary> {
  const { tenantId, date, now } = options;
  const instant = instantOf(date, now);
  const summary: DailyCheckSummary = {
    date,
    outcome: "checked",
    resumed: false,
    casesChecked: 0,
    moved: [],
    failed: [],
  };
  const claimed = await withTenant(db, tenantId, (trx) => claimClockRun(trx, tenantId, date, now));
  if (claimed.status === "finished")
    return { ...summary, outcome: "already-checked", casesChecked: claimed.cases_checked };
  summary.resumed = claimed.attempts > 1;
  const cache = new RunCache(tenantId);
  try {
    for (;;) {
      const done = await withTenant(db, tenantId, async (trx) => {
        // The run's row is locked for the batch: a second process on the same day waits, then reads the moved cursor.
        const run = await lockClockRun(trx, date);
        if (!run || run.status === "finished") return true;
        const batchSize = options.batchSize ?? DAILY_CHECK_BATCH;
        const rows = await listOpenCasesAfter(trx, run.last_case_id, batchSize);
        const last = rows.at(-1);
        if (last) {
          const context = await readBatchContext(trx, tenantId, instant, cache, rows);
          const counts = await checkBatch(context, rows, summary);
          await advanceClockRun(trx, date, { lastCaseId: last.id, checked: rows.length, ...counts });
        }
        // A short batch was the last: the run finishes with it, in the same transaction.
        if (rows.length < batchSize) {
          await finishClockRun(trx, date, new Date());
          return true;
        }
        return false;
      });
      if (done) break;
      await options.afterBatch?.(summary.casesChecked);
    }
  } catch (error) {
    // The batch in hand was rolled back; the run stays unfinished (resumed by the next attempt) with why.
    await withTenant(db, tenantId, (trx) => failClockRun(trx, date, messageOf(error))).catch(() => {});
    throw error;
  }
  return summary;
}

/**
 * The days the clock owes a tenant up to `date`, oldest first: a run left unfinished, then every day
 * after the last one run, at most `CATCH_UP_DAYS` (the latest ones: a server off for a month catches
 * up its last fortnight). A tenant never checked starts on `date`.
 */
export async function listDaysToCheck(
  db: StewardDatabase["db"],
  tenantId: string,
  date: IsoDate,
  maxDays = CATCH_UP_DAYS,
): Promise<IsoDate[]> {
  const latest = await withTenant(db, tenantId, findLatestClockRun);
  if (latest && latest.day > date) return [];
  const first = !latest ? date : latest.status === "finished" ? addDays(latest.day, 1) : latest.day;
  const start = daysBetween(first, date) >= maxDays ? addDays(date, 1 - maxDays) : first;
  const days: IsoDate[] = [];
  for (let day = start; day <= date; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The daily check for one tenant up to `date`, catching up the days it missed (`listDaysToCheck`) one
 * by one in order: what the server's clock runs each morning and `pnpm steward tick` without `--date`.
 */
export async function catchUpDailyChecks(
  db: StewardDatabase["db"],
  options: { tenantId: string; date: IsoDate; now: Date; maxDays?: number },
): Promise<DailyCheckSummary[]> {
  const summaries: DailyCheckSummary[] = [];
  for (const day of await listDaysToCheck(db, options.tenantId, options.date, options.maxDays))
    summaries.push(await runDailyCheck(db, { tenantId: options.tenantId, date: day, now: options.now }));
  return summaries;
}
