// A case's state as stored (the `cases.state` JSON column, written only by this package from the engine's fold)
// is read through one function: the database hands the column back untyped, so the shape the rest of the code
// relies on is checked here and a damaged row fails with its case id and the field, not deep in a presenter.
import { z } from "zod";

import type { CaseState } from "@steward/domain";

const storedCaseState = z.looseObject({
  id: z.string(),
  version: z.number().int(),
  openedAt: z.string(),
  assignedOfficerId: z.string().optional(),
  status: z.enum(["open", "closed"]),
  policyVersionId: z.string(),
  school: z.looseObject({ urn: z.number(), name: z.string(), governance: z.string() }),
  previousUrns: z.array(z.number()),
  stage: z.string(),
  stageSince: z.string(),
  category: z.looseObject({ key: z.string(), effectiveFrom: z.string(), moderation: z.string() }).optional(),
  categoryHistory: z.array(z.looseObject({ key: z.string() })),
  assessments: z.array(z.looseObject({ id: z.string(), recordedBy: z.string() })),
  stageHistory: z.array(z.looseObject({ stage: z.string(), from: z.string(), by: z.string() })),
  visits: z.array(z.looseObject({ id: z.string(), visitType: z.string(), date: z.string(), status: z.string() })),
  meetings: z.array(z.looseObject({ id: z.string(), meetingType: z.string(), date: z.string() })),
  letters: z.array(z.looseObject({ id: z.string(), letterType: z.string(), status: z.string() })),
  priorities: z.array(z.looseObject({ id: z.string(), title: z.string() })),
  actions: z.array(z.looseObject({ id: z.string(), priority: z.string(), status: z.string() })),
  // Cases stored before registers existed have none.
  registerEntries: z
    .array(z.looseObject({ id: z.string(), register: z.string(), occurredOn: z.string(), status: z.string() }))
    .optional(),
  // Cases stored before tasks existed have none.
  tasks: z.array(z.looseObject({ id: z.string(), followUp: z.string(), status: z.string() })).optional(),
});

/**
 * Asserts the stored value is a case state: the check covers the fields the API reads; the rest is the engine's
 * own fold, written by this package.
 */
function assertCaseState(stored: unknown, caseId: string): asserts stored is CaseState {
  const parsed = storedCaseState.safeParse(stored);
  if (!parsed.success)
    throw new Error(`Case ${caseId}'s stored state is not a case state: ${z.prettifyError(parsed.error)}`);
}

/** A visit's report header, without the body a state stored before slim projections carried (data, agendaNotes). */
function reportHeader(report: NonNullable<CaseState["visits"][number]["report"]>) {
  const { concerns, recordedBy, recordedAt, published, publishedAt } = report;
  return { concerns, recordedBy, recordedAt, published, ...(publishedAt ? { publishedAt } : {}) };
}

/** The state stored for a case; throws naming the case and the field when the stored value is not a case state. */
export function readCaseState(stored: unknown, caseId: string): CaseState {
  assertCaseState(stored, caseId);
  // Assessments stored before they had dimensions have none, and no choices.
  const assessments = stored.assessments.map((a) => ({
    ...a,
    choices: a.choices ?? [],
    dimensions: a.dimensions ?? [],
  }));
  // States stored before report bodies stayed in their events carry them: dropped here, so they are not written back.
  const visits = stored.visits.map((v) => (v.report ? { ...v, report: reportHeader(v.report) } : v));
  return { ...stored, assessments, visits, registerEntries: stored.registerEntries ?? [], tasks: stored.tasks ?? [] };
}

/** The state as the JSON column takes it (report bodies are not in it: they stay in the events). */
export function storedState(state: CaseState): Record<string, unknown> {
  return { ...state };
}
