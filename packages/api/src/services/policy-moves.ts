// Moving open cases to a newly published policy version, after the version is switched: in bounded
// transactions (each case's move atomic, its row locked only while its batch runs), and for a case a publish did
// not reach (it stopped mid-way), at the case's next command (or by the next publish).
import { z } from "zod";

import { findMoveMapping, listOpenCasesNotUnder, withTenant, type StewardDatabase } from "@steward/db";
import type { VersionMapping } from "@steward/domain";

import { commitDecision, loadCase, type Actor, type LoadedCase } from "./cases.ts";
import type { LoadedPolicy } from "./policies.ts";
import { planCaseMove, publishingActor } from "./policy-impact.ts";

/**
 * How many cases one transaction of a publish moves at most, and for how long it goes on taking more: a command
 * on a case of the batch waits for the batch to commit, so a batch stops at whichever comes first and a command
 * never waits much more than `MOVE_BATCH_MS` (on a busy machine a case's move can take 50 ms).
 */
const MOVE_BATCH_SIZE = 100;
const MOVE_BATCH_MS = 250;

/** A case a publish could not move: it stays under its version until it can be moved. */
interface CaseMoveFailure {
  caseId: string;
  school: string;
  problem: string;
}

/** What a publish's moves did: how many cases moved, and those that did not, each with why. */
export interface CaseMoves {
  moved: number;
  failed: CaseMoveFailure[];
}

const storedMapping = z.object({
  categories: z.record(z.string(), z.string()).optional(),
  stages: z.record(z.string(), z.string()).optional(),
});

/** The mapping a version was published with (none: every key maps to itself). */
async function loadMoveMapping(actor: Pick<Actor, "trx">, versionId: string): Promise<VersionMapping> {
  const parsed = storedMapping.safeParse(await findMoveMapping(actor.trx, versionId));
  if (!parsed.success) return {};
  const { categories, stages } = parsed.data;
  return { ...(categories ? { categories } : {}), ...(stages ? { stages } : {}) };
}

/**
 * Moves a loaded case (its row locked) to `next` as the publisher: the decision the impact report shows,
 * written through the commands' write path. Returns the case as it now stands, or why it did not move.
 */
async function moveLoadedCase(
  actor: Actor,
  loaded: LoadedCase,
  next: LoadedPolicy,
  mapping: VersionMapping | undefined,
): Promise<{ moved: LoadedCase } | { failure: CaseMoveFailure }> {
  const mover = publishingActor(actor);
  const plan = await planCaseMove(mover, loaded, next, mapping);
  if (plan.problems.length > 0 || !plan.command || !plan.decision)
    return {
      failure: {
        caseId: loaded.row.id,
        school: plan.school,
        problem: plan.problems[0] ?? "The case could not be moved.",
      },
    };
  await commitDecision(mover, plan.target, plan.command, plan.decision);
  const row = {
    ...loaded.row,
    last_seq: loaded.row.last_seq + plan.decision.events.length,
    policy_version_id: plan.decision.policy.id,
  };
  return { moved: { ...loaded, row, state: plan.decision.state, policy: plan.decision.policy } };
}

/**
 * A case still under an older version than the one in force (a publish stopped before it reached the case) is
 * moved first, by the mapping the version was published with, before a command decides on it. A case that
 * cannot move (the engine refuses the move) stays where it is and the command runs under its own version.
 */
export async function catchUpPolicyMove(actor: Actor, loaded: LoadedCase): Promise<LoadedCase> {
  if (loaded.state.status !== "open" || loaded.row.policy_version_id === actor.policy.id) return loaded;
  const outcome = await moveLoadedCase(actor, loaded, actor.policy, await loadMoveMapping(actor, actor.policy.id));
  return "moved" in outcome ? outcome.moved : loaded;
}

/** Moves one case of a batch, loading it with its row locked; "unchanged" when it is no longer to move. */
async function moveCaseById(
  actor: Actor,
  caseId: string,
  next: LoadedPolicy,
  mapping: VersionMapping | undefined,
): Promise<"moved" | "unchanged" | CaseMoveFailure> {
  const loaded = await loadCase(actor, caseId, { forWrite: true });
  if (loaded.state.status !== "open" || loaded.row.policy_version_id === next.id) return "unchanged";
  const outcome = await moveLoadedCase(actor, loaded, next, mapping);
  return "moved" in outcome ? "moved" : outcome.failure;
}

/**
 * Moves every open case not yet under `next` (the version just published), a batch a transaction: at most
 * `MOVE_BATCH_SIZE` cases, and no more once it has run `MOVE_BATCH_MS`. A batch that fails on the database
 * rolls back whole: its cases are reported as not moved and move at their next command (or by the next publish).
 */
export async function moveOpenCases(
  database: Pick<StewardDatabase, "db">,
  actor: Omit<Actor, "trx">,
  next: LoadedPolicy,
  mapping: VersionMapping | undefined,
  options: { batchSize?: number } = {},
): Promise<CaseMoves> {
  const size = options.batchSize ?? MOVE_BATCH_SIZE;
  const ids = await withTenant(database.db, actor.tenantId, (trx) => listOpenCasesNotUnder(trx, next.id));
  const moves: CaseMoves = { moved: 0, failed: [] };
  let start = 0;
  while (start < ids.length) {
    const batch = ids.slice(start, start + size);
    try {
      const outcomes = await withTenant(database.db, actor.tenantId, async (trx) => {
        const began = performance.now();
        const done: Awaited<ReturnType<typeof moveCaseById>>[] = [];
        for (const id of batch) {
          done.push(await moveCaseById({ ...actor, trx }, id, next, mapping));
          if (performance.now() - began >= MOVE_BATCH_MS) break;
        }
        return done;
      });
      for (const outcome of outcomes) {
        if (outcome === "moved") moves.moved += 1;
        else if (outcome !== "unchanged") moves.failed.push(outcome);
      }
      start += outcomes.length;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const caseId of batch)
        moves.failed.push({ caseId, school: "", problem: `Not moved (${reason}): it moves at its next command.` });
      start += batch.length;
    }
  }
  return moves;
}
