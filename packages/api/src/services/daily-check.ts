// The daily check: what changes for a case only because a day passed (a rolling window empties, a value goes
// stale, months in a stage add up), for every open case of a tenant, without anyone writing to the case. The
// operator's `pnpm steward tick` calls it; the scheduler of the operations issue will call it each morning.
import { randomUUID } from "node:crypto";

import { listOpenCaseIds, withTenant, type StewardDatabase, type TenantTransaction } from "@steward/db";
import { buildAbility, decideOnTheDay, evolve, toIsoDate, type CaseState, type IsoDate } from "@steward/domain";

import { loadCase, loadSchoolContext, saveCaseEvents, SYSTEM_ACTOR_ID } from "./cases.ts";
import { refreshCaseTasks } from "./tasks.ts";

/** Steward itself, as the daily check acts: no user, and no role (the engine's day decision checks no permission). */
export const DAILY_CHECK_ACTOR = { id: SYSTEM_ACTOR_ID, displayName: "Steward (daily check)" } as const;

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

/**
 * Checks one case on the day, in the caller's transaction: the moves made (none when nothing holds). The case's
 * open work is worked out again either way (what is due changes with the day alone).
 */
async function checkCase(
  trx: TenantTransaction,
  tenantId: string,
  caseId: string,
  instant: Date,
): Promise<DailyCheckMove[]> {
  const loaded = await loadCase({ trx, tenantId }, caseId, { forWrite: true });
  const { state, policy } = loaded;
  if (state.status === "closed") return [];
  const events = decideOnTheDay(state, {
    policy: policy.document,
    policyVersionId: policy.id,
    actor: {
      id: DAILY_CHECK_ACTOR.id,
      grants: [],
      ability: buildAbility(policy.document, { id: DAILY_CHECK_ACTOR.id, tenantId, grants: [] }),
    },
    now: instant,
    newId: randomUUID,
    ...(await loadSchoolContext(trx, policy.document, state.school.urn)),
  });
  if (events.length === 0) {
    await refreshCaseTasks(trx, tenantId, caseId, state, policy.document, toIsoDate(instant));
    return [];
  }
  const moves: DailyCheckMove[] = [];
  let after: CaseState = state;
  for (const event of events) {
    if (event.type === "stage-changed")
      moves.push({
        caseId,
        urn: state.school.urn,
        from: after.stage,
        to: event.stage,
        transition: event.transition ?? "",
      });
    after = evolve(after, event);
  }
  await saveCaseEvents(
    { trx, tenantId, user: { ...DAILY_CHECK_ACTOR, grants: [] }, now: () => instant },
    loaded,
    { events, state: after, policy },
    {
      action: "daily-check",
      detail: {
        date: toIsoDate(instant),
        transitions: moves.map(({ from, to, transition }) => ({ transition, from, to })),
      },
    },
  );
  return moves;
}

/**
 * Runs the daily check for one tenant on `date`: every open case is loaded and
 * the policy's automatic transitions that now hold are taken, as events by
 * Steward (daily check), written as a command's are (events, projections,
 * register entries and an audit row "daily-check"), each case in its own
 * transaction under the tenant's row-level security, so a case that fails is
 * left as it was and the others are done. Running it again on the same day
 * changes nothing (each move leaves the stage its transition starts from).
 */
export async function runDailyCheck(
  db: StewardDatabase["db"],
  options: { tenantId: string; date: IsoDate; now: Date },
): Promise<DailyCheckSummary> {
  const instant = instantOf(options.date, options.now);
  const cases = await withTenant(db, options.tenantId, listOpenCaseIds);
  const summary: DailyCheckSummary = { date: options.date, casesChecked: 0, moved: [], failed: [] };
  for (const { id, school_urn: urn } of cases) {
    try {
      summary.moved.push(
        ...(await withTenant(db, options.tenantId, (trx) => checkCase(trx, options.tenantId, id, instant))),
      );
    } catch (error) {
      summary.failed.push({ caseId: id, urn, message: error instanceof Error ? error.message : String(error) });
    }
    summary.casesChecked++;
  }
  return summary;
}
