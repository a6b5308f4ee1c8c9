// One demo case, step by step, as the users would work it: open, assign and categorise; the visits due so far
// and the next one booked; the meetings the category asks for; a letter or notice; an action plan; and for the
// showcase school a form the headteacher has started. Which schools get what follows from their index, so
// the demo is the same on every run.
import type { User } from "@steward/db";
import { addDays, getVisitPlan, isApplicable, type CaseState } from "@steward/domain";
import type { Category } from "@steward/policy-config";

import { openCase } from "../services/cases.ts";
import { sampleFromSchema } from "./sample-data.ts";
import type { DemoSchool } from "./tenant.ts";
import { itemAt, type DemoWorld } from "./world.ts";

export interface DemoCase {
  caseId: string;
  /** The school's place in the register: spreads the variations across schools. */
  i: number;
  school: DemoSchool;
  officer: User;
  category: Category;
  /** The category's place among the policy's categories, least severe first. */
  severity: number;
  isShowcase: boolean;
}

/** The category a school gets: its Ofsted rank among the categories that apply to it, varied by its index. */
function chooseCategory(w: DemoWorld, school: DemoSchool, i: number, rank: number): Category | undefined {
  const applicable = w.categories.filter((c) =>
    isApplicable(c.applicability, { governance: school.governance, phase: school.phase ?? undefined }),
  );
  if (applicable.length === 0) return undefined;
  let index = Math.min(rank, applicable.length - 1);
  if (index === 0 && i % 9 === 4) index = 1;
  if (index === 1 && i % 6 === 3) index = applicable.length - 1;
  if (index === 1 && i % 7 === 3 && applicable.length > 3) index = applicable.length - 2;
  return itemAt(applicable, Math.min(index, applicable.length - 1), "an applicable category");
}

/** Opens and assigns the case, and categorises it (moderated where the policy asks); undefined when no category applies. */
export async function openAndCategorise(
  w: DemoWorld,
  i: number,
  school: DemoSchool,
  rank: number,
): Promise<{ demoCase?: DemoCase; state?: CaseState }> {
  w.at(w.yearStart, 9);
  const { row } = await openCase(w.actorFor(w.lead), school.urn);
  const officer = itemAt(w.officers, i % Math.max(1, w.officers.length), "an officer to assign cases to");
  await w.run(w.lead, row.id, { type: "assign-officer", officerId: officer.id });
  const category = chooseCategory(w, school, i, rank);
  if (!category) return {};
  w.at(w.schoolDayFrom(addDays(w.yearStart, 5)), 11);
  let state = await w.run(w.lead, row.id, {
    type: "decide-category",
    category: category.key,
    effectiveFrom: w.yearStart,
    rationale: "Annual categorisation from the desktop analysis and the summer visits.",
  });
  if (state.category?.moderation === "pending") {
    const moderator = w.senior.find((u) => u.id !== w.lead.id);
    if (moderator) state = await w.run(moderator, row.id, { type: "moderate-category", outcome: "confirmed" });
  }
  const demoCase: DemoCase = {
    caseId: row.id,
    i,
    school,
    officer,
    category,
    severity: w.categories.indexOf(category),
    isShowcase: school.urn === w.showcase.urn,
  };
  return { demoCase, state };
}

function visitTypeOf(w: DemoWorld, key: string) {
  const visitType = w.policy.visitTypes.find((v) => v.key === key);
  if (!visitType) throw new Error(`The visit plan names a visit type "${key}" the policy does not have.`);
  return visitType;
}

/** The leader of a visit: the case's officer when their role leads that visit type, else the first LA user whose does. */
function visitLeader(w: DemoWorld, c: DemoCase, ledBy: readonly string[]): User {
  const officerRole = c.officer.grants[0]?.role ?? "";
  return (ledBy.includes(officerRole) ? c.officer : w.holders(ledBy)[0]) ?? c.officer;
}

/** Records one visit of the plan: scheduled a week before, recorded that afternoon with a report from the form. */
async function recordVisit(
  w: DemoWorld,
  c: DemoCase,
  slot: { visitType: string; opens: string; dueBy: string },
  concerns: boolean,
): Promise<CaseState | undefined> {
  const visitType = visitTypeOf(w, slot.visitType);
  const date = w.schoolDayFrom(addDays(slot.opens, 3 + (c.i % 5)));
  if (date > slot.dueBy || date >= w.today) return undefined;
  const leader = visitLeader(w, c, visitType.ledBy);
  w.at(addDays(date, -7));
  const scheduled = await w.run(leader, c.caseId, { type: "schedule-visit", visitType: visitType.key, date });
  const visit = itemAt(scheduled.visits, -1, "the visit just scheduled");
  w.at(date, 15);
  const form = w.policy.forms.find((f) => f.key === visitType.reportForm);
  const sample = form
    ? sampleFromSchema(form.schema, {
        date,
        text: (title) => `${title}: ${c.school.name} - discussed with the headteacher and chair of governors.`,
      })
    : {};
  return w.run(leader, c.caseId, {
    type: "record-visit",
    visitId: visit.id,
    data: isRecord(sample) ? sample : {},
    agendaNotes: Object.fromEntries(
      visit.agenda.map((item) => [item.key, `${item.title}: discussed; next steps agreed.`]),
    ),
    concerns,
    publish: visitType.reportVisibility === "on-publish" && (c.isShowcase || c.i % 2 === 0),
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Visits: those due so far, done (a few left overdue). */
export async function seedVisits(w: DemoWorld, c: DemoCase, state: CaseState): Promise<CaseState> {
  const plan = getVisitPlan(state, w.policy, w.today);
  const past = plan.filter((s) => s.dueBy < w.today || (s.opens <= w.today && s.status === "due"));
  const lastClosed = past.filter((s) => s.dueBy < w.today).length - 1;
  let current = state;
  for (const [n, slot] of past.entries()) {
    // Some schools' last visit that should have happened did not: overdue on the dashboard.
    if (!c.isShowcase && c.i % 4 === 1 && n === lastClosed) continue;
    current = (await recordVisit(w, c, slot, c.severity > 1 && n === past.length - 1)) ?? current;
  }
  return current;
}

/** The next visit of the plan, booked (for the showcase school and every other school). */
export async function bookNextVisit(w: DemoWorld, c: DemoCase, state: CaseState): Promise<void> {
  const { today } = w;
  const next = getVisitPlan(state, w.policy, today).find((s) => s.status !== "done" && s.dueBy >= today);
  if (!next || !(c.isShowcase || c.i % 2 === 0)) return;
  const visitType = visitTypeOf(w, next.visitType);
  const date = w.schoolDayFrom(next.opens > addDays(today, 3) ? next.opens : addDays(today, 3 + (c.i % 7)));
  const leaders = w.holders(visitType.ledBy);
  const leader = leaders.find((u) => u.id === c.officer.id) ?? leaders[0];
  if (leader && date <= next.dueBy) {
    w.at(today, 8);
    await w.run(leader, c.caseId, { type: "schedule-visit", visitType: visitType.key, date });
  }
}

const KEY_POINTS = [
  "Leaders have an accurate view of the school's priorities.",
  "Phonics teaching is now consistent across key stage 1.",
  "Governors challenge leaders on attendance data.",
  "The curriculum plan for foundation subjects is in place.",
  "Next review of the plan at the following meeting.",
];

/** Meetings the category asks for, where the meeting type applies to the school and has progress judgements. */
export async function seedMeetings(w: DemoWorld, c: DemoCase): Promise<void> {
  for (const required of c.category.requiredMeetings) {
    const meetingType = w.policy.meetingTypes.find((m) => m.key === required.meetingType);
    if (!meetingType || meetingType.progressJudgements.length === 0) continue;
    if (
      !isApplicable(meetingType.applicability, { governance: c.school.governance, phase: c.school.phase ?? undefined })
    )
      continue;
    const date = w.calendar.getPreviousSchoolDay(addDays(w.today, -12)) ?? addDays(w.today, -12);
    w.at(date, 14);
    const limit = meetingType.sharing.find((s) => s.content === "key-points")?.maxItems ?? 3;
    const judgement = itemAt(
      meetingType.progressJudgements,
      c.i % meetingType.progressJudgements.length,
      "a judgement",
    );
    await w.run(w.lead, c.caseId, {
      type: "record-meeting",
      meetingType: meetingType.key,
      date,
      attendees: ["Headteacher", "Chair of governors", c.officer.display_name, w.lead.display_name],
      minutes: `Minutes of the ${meetingType.label} for ${c.school.name}. Progress against the plan was reviewed item by item.`,
      keyPoints: KEY_POINTS.slice(0, limit),
      progress: judgement.key,
    });
  }
}
