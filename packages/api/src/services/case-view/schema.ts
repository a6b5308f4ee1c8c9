// The shape of a case as one user sees it: the procedures' output schema (zod strips anything undeclared,
// so a field a presenter forgets to cut cannot leak) and the type every presenter returns a part of.
import { z } from "zod";

const labelled = z.object({ key: z.string(), label: z.string() });

export const caseViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(["open", "closed"]),
  policyVersionId: z.string(),
  school: z.object({
    urn: z.number(),
    name: z.string(),
    phase: z.string().optional(),
    governance: z.string(),
    trust: z.string().optional(),
    previousUrns: z.array(z.number()),
  }),
  category: z
    .object({
      key: z.string(),
      label: z.string(),
      colour: z.string(),
      effectiveFrom: z.string(),
      rationale: z.string().optional(),
      moderation: z.string(),
      decidedBy: z.string().optional(),
    })
    .nullable(),
  /** True when a category exists but the user may not see it. */
  categoryHidden: z.boolean(),
  stage: z.object({ key: z.string(), label: z.string(), since: z.string() }).nullable(),
  assignedOfficer: z.object({ id: z.string(), name: z.string() }).nullable(),
  assessments: z.array(
    z.object({
      id: z.string(),
      recordedAt: z.string(),
      recordedBy: z.string(),
      suggested: z.string().optional(),
      explanation: z.array(z.string()),
      selections: z.array(
        z.object({
          area: z.string(),
          descriptors: z.array(z.object({ category: z.string(), descriptor: z.string() })),
          evidence: z.string().optional(),
        }),
      ),
      /** Every applicable dimension's value and why (none on assessments recorded before dimensions). */
      dimensions: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          level: z.string().optional(),
          levelLabel: z.string().optional(),
          source: z.enum(["criteria", "rule", "officer", "indicator"]),
          rationale: z.string().optional(),
          why: z.string(),
        }),
      ),
    }),
  ),
  stageHistory: z.array(
    z.object({ stage: z.string(), label: z.string(), from: z.string(), reason: z.string().optional(), by: z.string() }),
  ),
  visits: z.array(
    z.object({
      id: z.string(),
      visitType: labelled,
      date: z.string(),
      status: z.enum(["scheduled", "completed", "cancelled"]),
      term: z.string().optional(),
      agenda: z.array(z.object({ key: z.string(), title: z.string() })),
      cancelledReason: z.string().optional(),
      report: z
        .object({
          data: z.record(z.string(), z.unknown()),
          agendaNotes: z.record(z.string(), z.string()),
          concerns: z.boolean(),
          published: z.boolean(),
          recordedBy: z.string(),
          recordedAt: z.string(),
          form: z.string().optional(),
        })
        .optional(),
      /** The visit has a report the user may not see (not yet published). */
      reportWithheld: z.boolean(),
    }),
  ),
  visitPlan: z.array(
    z.object({
      visitType: labelled,
      label: z.string(),
      opens: z.string(),
      dueBy: z.string(),
      status: z.string(),
      metBy: z.string().optional(),
      basis: z.string(),
    }),
  ),
  /** The case's category (as the user may see it) asks for no LA visits of this school: no plan, nothing due. */
  noVisits: z.boolean(),
  meetings: z.array(
    z.object({
      id: z.string(),
      meetingType: labelled,
      date: z.string(),
      attendees: z.array(z.string()),
      minutes: z.string().optional(),
      keyPoints: z.array(z.string()).optional(),
      progress: labelled,
      strong: z.boolean(),
    }),
  ),
  letters: z.array(
    z.object({
      id: z.string(),
      letterType: labelled.extend({ kind: z.string() }),
      status: z.string(),
      subject: z.string(),
      html: z.string(),
      indicators: z.array(z.object({ key: z.string(), text: z.string(), evidence: z.string() })),
      actions: z.array(z.object({ text: z.string(), due: z.string() })),
      draftedBy: z.string(),
      draftedAt: z.string(),
      approvedBy: z.string().optional(),
      issuedOn: z.string().optional(),
      deadline: z.string().optional(),
      reviewDate: z.string().optional(),
      acknowledgedBy: z.string().optional(),
      acknowledgedAt: z.string().optional(),
      closedReason: z.string().optional(),
      actionsComplete: z.boolean(),
      /** Who it goes to: addressees and copies, the type's rules on them applied to the school. */
      recipients: z.array(z.object({ name: z.string(), copy: z.boolean() })),
      /** What the drafting officer filled in, each with its title, as text (LA users only: the school reads them in the letter). */
      parameters: z.array(z.object({ field: z.string(), title: z.string(), value: z.string() })).optional(),
      /** The school form the letter asks for, due by its deadline: overdue after it, by the clock. */
      response: z
        .object({
          form: z.string(),
          label: z.string(),
          due: z.string(),
          status: z.enum(["awaited", "received", "overdue"]),
          responseId: z.string().optional(),
          receivedOn: z.string().optional(),
        })
        .optional(),
      /** What the user may do to this letter now: its type's roles, the rules' conditions and (for approval) not their own draft. */
      can: z.object({ approve: z.boolean(), issue: z.boolean(), acknowledge: z.boolean(), withdraw: z.boolean() }),
    }),
  ),
  priorities: z.array(z.object({ id: z.string(), title: z.string(), targets: z.array(z.string()) })),
  actions: z.array(
    z.object({
      id: z.string(),
      priority: z.string(),
      text: z.string(),
      owner: z.string(),
      due: z.string(),
      status: z.string(),
      notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
    }),
  ),
  /** The policy's registers the user may read or log in, with the entries they may read. */
  registers: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      entryLabel: z.string(),
      occurredOnLabel: z.string(),
      description: z.string().optional(),
      canLog: z.boolean(),
      /** The fields of an entry, by key, with their titles, in the schema's order (for showing entries). */
      fields: z.array(z.object({ key: z.string(), title: z.string() })),
      /** The fields of an entry (JSON Schema) and its UI schema, for the log form: only when the user may log. */
      schema: z.record(z.string(), z.unknown()).optional(),
      uiSchema: z.record(z.string(), z.unknown()).optional(),
      entries: z.array(
        z.object({
          id: z.string(),
          occurredOn: z.string(),
          loggedAt: z.string(),
          loggedBy: z.string(),
          status: z.enum(["open", "closed"]),
          fields: z.record(z.string(), z.unknown()),
          closedAt: z.string().optional(),
          closedBy: z.string().optional(),
          closeNote: z.string().optional(),
          canClose: z.boolean(),
        }),
      ),
    }),
  ),
  /** The tasks the stages' follow-ups put on the case (LA staff only): open ones first, by due date. */
  tasks: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      kind: z.enum(["visit", "letter", "meeting", "notify", "task"]),
      /** The stage whose entry started it. */
      stage: labelled,
      /** The visit, letter or meeting type that does it, with its label. */
      awaits: labelled.optional(),
      /** Whom to tell (a notify task), by role label or name. */
      notify: z.array(z.string()).optional(),
      startedAt: z.string(),
      due: z.string().optional(),
      /** How it stands today: overdue once its due day has passed. */
      status: z.enum(["overdue", "due", "done", "dismissed"]),
      /** Done by the matching record on the case (`event`) or by someone (`hand`). */
      doneBy: z.enum(["event", "hand"]).optional(),
      closedBy: z.string().optional(),
      closedAt: z.string().optional(),
      /** The note given marking it done, or the reason it was dismissed. */
      note: z.string().optional(),
      /** Whether the user may mark it done or dismiss it now. */
      canClose: z.boolean(),
    }),
  ),
  suggestedTransitions: z.array(
    z.object({ key: z.string(), label: z.string(), to: z.string(), requiresReason: z.boolean() }),
  ),
  /** The policy's triggers that hold today (LA staff who may read assessments only), with what each suggests. */
  triggers: z.array(z.object({ key: z.string(), label: z.string(), suggests: z.array(z.string()) })),
  timeline: z.array(z.object({ at: z.string(), type: z.string(), actor: z.string(), summary: z.string() })),
  /** What the user may do to this case now (the procedures check again). */
  can: z.record(z.string(), z.boolean()),
});

export type CaseView = z.infer<typeof caseViewSchema>;
