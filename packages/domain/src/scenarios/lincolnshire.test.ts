// Lincolnshire's Strategy for School Improvement 2021-2022, walked through the
// engine from its own policy document: a maintained school judged Requires
// Improvement is rated Vulnerable, monitored about every four weeks, moves to
// Strategy when concerns remain, receives and clears a Pre-Warning Notice, leaves
// Strategy after two Strategy meetings with strong progress, and becomes a
// School Causing Concern when Ofsted judges it Inadequate.
import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import policyJson from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };

import { getBankHolidays, SchoolCalendar } from "../calendar/school-calendar.ts";
import { getSuggestedTransitions } from "../case/decide.ts";
import { getStateAt } from "../case/evolve.ts";
import { getCaseFacts } from "../case/facts.ts";
import { summariseCase } from "../case/summary.ts";
import { getVisitPlan } from "../case/visit-plan.ts";
import { buildAbility, explain } from "../permissions/ability.ts";
import { letterSubject, meetingSubject, NO_SCHOOL_ATTRIBUTES } from "../permissions/subjects.ts";
import { evaluateTriggers } from "../rules/assessment.ts";
import { toFacts } from "../rules/evaluate.ts";
import { CaseHarness } from "../testing/harness.ts";

const caseAt = (schoolUrn: number) => ({
  schoolUrn,
  school: NO_SCHOOL_ATTRIBUTES,
  assignedOfficerId: null,
  category: null,
  stage: null,
  status: "open",
});

const policy = policyJson as unknown as PolicyDocument;
const URN = 120001;
const school = { urn: URN, name: "Wolds Edge Primary School", phase: "primary", governance: "maintained" as const };
const academy = {
  urn: 145001,
  name: "Fenside Academy",
  phase: "secondary",
  governance: "academy" as const,
  trust: "Fens Learning Trust",
};

const ell = ["ell-1", [{ role: "education-locality-lead" }]] as const;
const otherEll = ["ell-2", [{ role: "education-locality-lead" }]] as const;
const standards = ["hoss-1", [{ role: "head-of-school-standards" }]] as const;
const strategyHead = ["hoes-1", [{ role: "head-of-education-strategy" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: URN }]] as const;
const otherHead = ["head-9", [{ role: "headteacher", schoolUrn: 129999 }]] as const;
const people = {
  officer: { name: "Jo Lead", jobTitle: "Education Locality Lead", email: "jo.lead@lincolnshire.gov.uk" },
  recipient: { name: "Alex Head", role: "Headteacher" },
  school: { address: "School Lane, Louth" },
};

const requiresImprovement = {
  "ofsted.overallEffectiveness": "requires-improvement",
  "indicators.leadership-taking-effective-action": true,
};

/** The Strategy meetings held in this stage: a measure the policy does not declare, which these tests add. */
const HELD_IN_STAGE = "meetings-strategy-meeting-held-in-stage";
const STRONG_IN_A_ROW = "meetings-strategy-meeting-strong-progress-in-a-row";
const countingMeetings: PolicyDocument = {
  ...policy,
  measures: [
    ...(policy.measures ?? []),
    {
      key: HELD_IN_STAGE,
      label: "Strategy meetings held in this stage",
      aggregate: "count",
      of: { kind: "meetings", meetingType: "strategy-meeting" },
      window: { kind: "stage" },
    },
  ],
};

const monitoringForm = (date: string, concerns: boolean) => ({
  visitDate: date,
  activities: ["Learning walk", "Book scrutinies"],
  progressAgainstPriorities: [
    { priority: "Early reading in Key Stage 1", progress: concerns ? "Not on track" : "On track" },
  ],
  strengths: "Warm, purposeful classrooms.",
  areasOfDevelopment: "Phonics teaching is inconsistent.",
  recommendationsForNextSteps: ["Daily phonics catch-up for Year 2"],
  concernsAboutProgress: concerns,
});

const visitReport = (name: string, concerns: boolean) => ({
  nameOfMeeting: name,
  dateAndTime: "2022-01-12T09:30:00Z",
  attendees: "Headteacher, Chair of Governors, Education Locality Lead",
  strengths: "Leaders know the school's weaknesses.",
  areasOfDevelopment: "Reading outcomes have not improved.",
  recommendationsForImprovement: ["Commission an external review of reading"],
  concernsAboutProgress: concerns,
});

function agendaFor(visitType: string, term: string) {
  const agenda = policy.visitTypes.find((v) => v.key === visitType)!.agendas.find((a) => a.term === term)!;
  return agenda.items.map((i) => ({ key: i.key, title: i.title }));
}

/** A maintained school judged Requires Improvement, rated Vulnerable on 6 September 2021 by its Education Locality Lead. */
function vulnerableCase() {
  const h = new CaseHarness(policy, "2021-09-06T09:00:00Z", "lincs-2021-22");
  h.run(...standards, { type: "open-case", school });
  h.run(...standards, { type: "assign-officer", officerId: "ell-1" });
  h.schoolData = toFacts(requiresImprovement);
  h.run(...ell, { type: "record-assessment", selections: [] });
  h.run(...ell, { type: "decide-category", category: "vulnerable", effectiveFrom: "2021-09-06" });
  return h;
}

/** Concerns at the four-weekly visit, a follow up visit next term, and concerns remain: the school is in Strategy. */
function caseInStrategy() {
  const h = vulnerableCase();
  h.at("2021-09-27");
  h.run(...ell, { type: "schedule-visit", visitType: "additional-support-visit", date: "2021-09-27" });
  h.run(...ell, {
    type: "record-visit",
    visitId: h.state.visits[0]!.id,
    data: monitoringForm("2021-09-27", true),
    concerns: true,
  });
  h.run(...ell, { type: "change-stage", stage: "follow-up-visit", transition: "concerns-about-progress" });
  h.at("2022-01-12");
  h.run(...ell, { type: "schedule-visit", visitType: "follow-up-visit", date: "2022-01-12" });
  h.run(...ell, {
    type: "record-visit",
    visitId: h.state.visits[1]!.id,
    data: visitReport("Follow up visit", true),
    concerns: true,
  });
  h.run(...ell, { type: "change-stage", stage: "strategy", transition: "concerns-remain-at-follow-up-visit" });
  return h;
}

/** In Strategy, re-rated High Risk because leaders are not taking effective action, with a Pre-Warning Notice issued and acknowledged. */
function caseWithPreWarningNotice() {
  const h = caseInStrategy();
  h.schoolData = toFacts({ ...requiresImprovement, "indicators.leadership-taking-effective-action": false });
  h.run(...ell, { type: "record-assessment", selections: [] });
  h.run(...ell, { type: "decide-category", category: "high-risk", effectiveFrom: "2022-01-12" });
  h.at("2022-01-19");
  h.run(...ell, strategyMeeting("2022-01-19", "concerns-about-progress"));
  h.at("2022-01-24");
  h.run(...ell, {
    type: "draft-letter",
    letterType: "pre-warning-notice",
    indicators: [
      { key: "leaders-not-taking-effective-action", evidence: "The reading plan agreed in September has not started." },
    ],
    actions: [{ text: "Agree a reading recovery plan with the English adviser", due: "2022-02-28" }],
    people,
  });
  h.at("2022-01-25");
  h.run(...standards, { type: "approve-letter", letterId: h.state.letters[0]!.id });
  h.at("2022-01-26");
  h.run(...strategyHead, { type: "issue-letter", letterId: h.state.letters[0]!.id, people });
  h.at("2022-01-27");
  h.run(...head, { type: "acknowledge-letter", letterId: h.state.letters[0]!.id });
  return h;
}

function strategyMeeting(date: string, progress: string) {
  return {
    type: "record-meeting" as const,
    meetingType: "strategy-meeting",
    date,
    attendees: ["head-1", "chair-1", "ell-1", "hoss-1"],
    minutes: "Full minutes kept by the Local Authority.",
    keyPoints: ["Reading recovery plan", "Governor monitoring"],
    progress,
  };
}

describe("Lincolnshire: a maintained school judged Requires Improvement", () => {
  it("is suggested Vulnerable by the Requires Improvement trigger, and the Education Locality Lead decides it", () => {
    const h = new CaseHarness(policy, "2021-09-06T09:00:00Z", "lincs-2021-22");
    h.run(...standards, { type: "open-case", school });
    h.run(...standards, { type: "assign-officer", officerId: "ell-1" });
    h.schoolData = toFacts(requiresImprovement);
    expect(evaluateTriggers(policy, school, h.schoolData).map((t) => t.key)).toEqual([
      "requires-improvement-ofsted-inspection",
    ]);

    h.run(...ell, { type: "record-assessment", selections: [] });
    expect(h.state.assessments[0]!.suggested).toBe("vulnerable");
    expect(h.state.assessments[0]!.explanation.at(-1)).toBe(
      'Suggested Vulnerable because of "Requires Improvement Ofsted inspection".',
    );

    // The suggestion is the officer's to overrule, but only with a reason.
    expect(
      h.refuse(...ell, { type: "decide-category", category: "no-known-or-minor-issues", effectiveFrom: "2021-09-06" }),
    ).toMatchObject({
      code: "invalid",
      pointer: "/rationale",
      message: "The assessment suggests Vulnerable: say why you decided No Known or Minor Issues instead.",
    });
    // Only the Education Locality Lead assigned to the school rates it.
    expect(
      h.refuse(...otherEll, { type: "decide-category", category: "vulnerable", effectiveFrom: "2021-09-06" }).code,
    ).toBe("forbidden");

    h.run(...ell, { type: "decide-category", category: "vulnerable", effectiveFrom: "2021-09-06" });
    expect(h.state.category).toMatchObject({ key: "vulnerable", decidedBy: "ell-1", moderation: "not-required" });
    expect(h.state.stage).toBe("support-monitor-and-challenge");
    // A vulnerable maintained school is told about intervention funding.
    const facts = getCaseFacts(h.state, policy, "2021-09-06", h.schoolData);
    expect(evaluateTriggers(policy, school, facts).map((t) => t.key)).toContain("intervention-funding");
  });

  it("is visited about every four weeks as well as the termly core visit", () => {
    const h = vulnerableCase();
    const plan = getVisitPlan(h.state, policy, "2021-09-06");
    const core = plan.filter((s) => s.visitType === "core-visit");
    const additional = plan.filter((s) => s.visitType === "additional-support-visit");
    expect(core.map((s) => [s.opens, s.dueBy])).toEqual([
      ["2021-09-06", "2021-12-17"],
      ["2022-01-05", "2022-04-01"],
      ["2022-04-19", "2022-07-21"],
    ]);
    expect(core.every((s) => s.basis === "exact")).toBe(true);
    // Four school weeks per window: weeks with no school day (half terms, Christmas, Easter)
    // are not counted, and no window opens on the Early May bank holiday.
    expect(additional.map((s) => s.opens)).toEqual([
      "2021-09-06",
      "2021-10-04",
      "2021-11-08",
      "2021-12-06",
      "2022-01-17",
      "2022-02-21",
      "2022-03-21",
      "2022-05-03",
      "2022-06-06",
      "2022-07-04",
    ]);
    expect(additional.every((s) => s.basis === "typical")).toBe(true);

    // A monitoring visit on 27 September meets the first window; by 11 November the second is overdue.
    h.at("2021-09-27");
    h.run(...ell, { type: "schedule-visit", visitType: "additional-support-visit", date: "2021-09-27" });
    h.run(...ell, {
      type: "record-visit",
      visitId: h.state.visits[0]!.id,
      data: monitoringForm("2021-09-27", false),
      concerns: false,
    });
    const later = getVisitPlan(h.state, policy, "2021-11-11").filter((s) => s.visitType === "additional-support-visit");
    expect(later.slice(0, 3).map((s) => s.status)).toEqual(["done", "overdue", "due"]);
  });

  it("never plans or books a visit in the holidays", () => {
    const h = vulnerableCase();
    const calendar = new SchoolCalendar(policy.calendar);
    const holidays = policy.calendar.years.flatMap((y) => y.holidays);
    const bankHolidays = new Set([...getBankHolidays(2021), ...getBankHolidays(2022)]);
    const inHoliday = (date: string) =>
      holidays.some((hol) => date >= hol.start && date <= hol.end) || bankHolidays.has(date);
    const plan = getVisitPlan(h.state, policy, "2021-09-06");
    expect(plan.length).toBe(13);
    for (const slot of plan) {
      expect(inHoliday(slot.opens), `${slot.label} opens ${slot.opens}`).toBe(false);
      expect(inHoliday(slot.dueBy), `${slot.label} is due by ${slot.dueBy}`).toBe(false);
      expect(calendar.isSchoolDay(slot.opens) && calendar.isSchoolDay(slot.dueBy)).toBe(true);
    }
    for (const date of ["2021-10-26", "2021-12-20", "2022-04-04", "2022-05-02", "2022-05-31"]) {
      expect(h.refuse(...ell, { type: "schedule-visit", visitType: "core-visit", date })).toMatchObject({
        code: "invalid",
        pointer: "/date",
        message: `${date} is not a school day in the policy calendar: choose a term-time weekday.`,
      });
    }
    expect(h.state.visits).toEqual([]);
  });

  it("takes each core visit's agenda from the term it falls in", () => {
    const h = vulnerableCase();
    for (const date of ["2021-10-05", "2022-01-18", "2022-05-10"])
      h.run(...ell, { type: "schedule-visit", visitType: "core-visit", date });
    const [autumn, spring, summer] = h.state.visits;
    expect(autumn).toMatchObject({ term: "autumn", agenda: agendaFor("core-visit", "autumn") });
    expect(spring).toMatchObject({ term: "spring", agenda: agendaFor("core-visit", "spring") });
    expect(summer).toMatchObject({ term: "summer", agenda: agendaFor("core-visit", "summer") });
    // The three agendas are the strategy's own, and differ.
    expect(autumn!.agenda.map((i) => i.title)).toContain("Governance");
    expect(spring!.agenda.map((i) => i.title)).toEqual(
      expect.arrayContaining(["SEND", "Disadvantaged", "Early Years"]),
    );
    expect(summer!.agenda.map((i) => i.title)).toEqual(
      expect.arrayContaining(["Personal development", "Behaviour and attitudes", "Transition"]),
    );
    expect(spring!.agenda.map((i) => i.title)).not.toContain("Governance");

    // Moving the autumn visit into the spring term gives it the spring agenda.
    h.run(...ell, { type: "reschedule-visit", visitId: autumn!.id, date: "2022-01-11", reason: "Headteacher absent" });
    expect(h.state.visits[0]).toMatchObject({
      date: "2022-01-11",
      term: "spring",
      agenda: agendaFor("core-visit", "spring"),
    });

    // Notes are taken against the visit's own agenda items only.
    expect(
      h.refuse(...ell, {
        type: "record-visit",
        visitId: summer!.id,
        data: visitReport("Summer Term Visit", false),
        agendaNotes: { send: "n/a" },
        concerns: false,
      }),
    ).toMatchObject({ code: "invalid", pointer: "/agendaNotes/send" });
    h.run(...ell, {
      type: "record-visit",
      visitId: summer!.id,
      data: visitReport("Summer Term Visit", false),
      agendaNotes: { transition: "Year 6 transition plan in place" },
      concerns: false,
    });
    expect(h.state.visits[2]!.report).toMatchObject({ published: false });
    expect(h.events.find((e) => e.type === "visit-recorded" && e.visitId === summer!.id)).toMatchObject({
      agendaNotes: { transition: "Year 6 transition plan in place" },
    });

    // The four-weekly monitoring visit has one agenda whatever the term.
    h.run(...ell, { type: "schedule-visit", visitType: "additional-support-visit", date: "2021-11-09" });
    expect(h.state.visits[3]).toMatchObject({ term: "autumn", agenda: agendaFor("additional-support-visit", "any") });
  });
});

describe("Lincolnshire: concerns about progress lead to Strategy", () => {
  it("offers a follow up visit when a monitoring visit records concerns, and Strategy when concerns remain at it", () => {
    const h = vulnerableCase();
    expect(getSuggestedTransitions(h.state, policy, "2021-09-06")).toEqual([]);
    h.at("2021-09-27");
    h.run(...ell, { type: "schedule-visit", visitType: "additional-support-visit", date: "2021-09-27" });
    h.run(...ell, {
      type: "record-visit",
      visitId: h.state.visits[0]!.id,
      data: monitoringForm("2021-09-27", true),
      concerns: true,
    });
    expect(getSuggestedTransitions(h.state, policy, "2021-09-27", h.schoolData).map((t) => t.key)).toEqual([
      "concerns-about-progress",
    ]);
    // Suggested, not made: the case waits for the officer.
    expect(h.state.stage).toBe("support-monitor-and-challenge");
    // A transition only leads where the policy says.
    expect(
      h.refuse(...ell, { type: "change-stage", stage: "strategy", transition: "concerns-about-progress" }),
    ).toMatchObject({ code: "conflict", pointer: "/transition" });
    h.run(...ell, { type: "change-stage", stage: "follow-up-visit", transition: "concerns-about-progress" });
    expect(h.state.stage).toBe("follow-up-visit");

    // The follow up visit, the following term, with its own agenda.
    h.at("2022-01-12");
    h.run(...ell, { type: "schedule-visit", visitType: "follow-up-visit", date: "2022-01-12" });
    expect(h.state.visits[1]!.agenda.map((i) => i.key)).toContain("do-concerns-remain");
    h.run(...ell, {
      type: "record-visit",
      visitId: h.state.visits[1]!.id,
      data: visitReport("Follow up visit", true),
      concerns: true,
    });
    expect(getSuggestedTransitions(h.state, policy, "2022-01-12", h.schoolData).map((t) => t.key)).toEqual([
      "concerns-remain-at-follow-up-visit",
    ]);
    h.run(...ell, { type: "change-stage", stage: "strategy", transition: "concerns-remain-at-follow-up-visit" });
    expect(h.state.stageHistory.map((s) => [s.stage, s.transition])).toEqual([
      ["support-monitor-and-challenge", undefined],
      ["follow-up-visit", "concerns-about-progress"],
      ["strategy", "concerns-remain-at-follow-up-visit"],
    ]);
  });

  it("moves a school re-rated High Risk straight to Strategy", () => {
    const h = vulnerableCase();
    h.at("2021-11-15");
    h.schoolData = toFacts({ ...requiresImprovement, "indicators.ofsted-risk-of-inadequate": true });
    h.run(...ell, { type: "record-assessment", selections: [] });
    expect(h.state.assessments[1]!.suggested).toBe("high-risk");
    const events = h.run(...ell, { type: "decide-category", category: "high-risk", effectiveFrom: "2021-11-15" });
    expect(events.map((e) => e.type)).toEqual(["category-decided", "stage-changed"]);
    expect(h.state.stageHistory.at(-1)).toMatchObject({
      stage: "strategy",
      transition: "high-risk-into-strategy",
      by: "ell-1",
    });
    // High Risk has no four-weekly visits: only the termly core visit, planned from the re-rating.
    expect(getVisitPlan(h.state, policy, "2021-11-15").map((s) => [s.visitType, s.opens])).toEqual([
      ["core-visit", "2021-11-15"],
      ["core-visit", "2022-01-05"],
      ["core-visit", "2022-04-19"],
    ]);
  });
});

describe("Lincolnshire: a Pre-Warning Notice in Strategy", () => {
  it("is suggested when leaders are not taking effective action, and drafted, approved and issued by the right roles", () => {
    const h = caseInStrategy();
    h.schoolData = toFacts({ ...requiresImprovement, "indicators.leadership-taking-effective-action": false });
    const facts = getCaseFacts(h.state, policy, "2022-01-12", h.schoolData);
    const fired = evaluateTriggers(policy, school, facts);
    expect(fired.filter((t) => t.suggests.letterType).map((t) => [t.key, t.suggests.letterType])).toEqual([
      ["pre-warning-leaders-not-taking-effective-action", "pre-warning-notice"],
    ]);
    h.run(...ell, { type: "record-assessment", selections: [] });
    h.run(...ell, { type: "decide-category", category: "high-risk", effectiveFrom: "2022-01-12" });
    expect(h.state.stage).toBe("strategy");

    h.at("2022-01-24");
    expect(
      h.refuse(...head, {
        type: "draft-letter",
        letterType: "pre-warning-notice",
        indicators: [{ key: "leaders-not-taking-effective-action", evidence: "x" }],
        people,
      }).code,
    ).toBe("forbidden");
    expect(
      h.refuse(...ell, { type: "draft-letter", letterType: "pre-warning-notice", indicators: [], people }),
    ).toMatchObject({
      code: "invalid",
      message: "A Pre-Warning Notice needs at least 1 indicator that apply, with evidence.",
    });
    h.run(...ell, {
      type: "draft-letter",
      letterType: "pre-warning-notice",
      indicators: [
        {
          key: "leaders-not-taking-effective-action",
          evidence: "The reading plan agreed in September has not started.",
        },
      ],
      actions: [{ text: "Agree a reading recovery plan with the English adviser", due: "2022-02-28" }],
      people,
    });
    const id = h.state.letters[0]!.id;
    expect(h.state.letters[0]).toMatchObject({
      status: "draft",
      draftedBy: "ell-1",
      subject: "Pre-Warning Notice: Wolds Edge Primary School",
    });

    // An Education Locality Lead drafts but does not approve or issue; approval comes before issue.
    expect(h.refuse(...ell, { type: "approve-letter", letterId: id }).code).toBe("forbidden");
    expect(h.refuse(...strategyHead, { type: "issue-letter", letterId: id, people }).message).toBe(
      "A Pre-Warning Notice must be approved before it is issued.",
    );
    h.at("2022-01-25");
    h.run(...standards, { type: "approve-letter", letterId: id });
    h.at("2022-01-26");
    expect(h.refuse(...ell, { type: "issue-letter", letterId: id, people }).code).toBe("forbidden");
    const issued = h.run(...strategyHead, { type: "issue-letter", letterId: id, people });
    expect(issued.map((e) => e.type)).toEqual(["letter-issued", "stage-changed"]);
    const letter = h.state.letters[0]!;
    expect(letter).toMatchObject({
      status: "issued",
      approvedBy: "hoss-1",
      issuedBy: "hoes-1",
      issuedOn: "2022-01-26",
      reviewDate: "2022-03-09",
      issuedInStage: "strategy",
    });
    expect(letter.deadline).toBeUndefined();
    expect(letter.html).toContain("The next review will be on 9 March 2022.");
    expect(letter.html).toContain(
      "Leaders and managers are not taking effective action<br>What we have seen: The reading plan agreed in September has not started.",
    );
    expect(letter.html).toContain(
      "<td>Agree a reading recovery plan with the English adviser</td><td>28 February 2022</td>",
    );
    expect(letter.html).toContain(`Our reference: 925/${URN}/`);
    expect(h.state.stage).toBe("pre-warning-notice");
    expect(summariseCase(h.state, policy, "2022-02-01")).toEqual({
      nextVisitDue: "2022-04-01",
      openLetters: 1,
      lettersAwaitingAcknowledgement: 1,
      letterDeadline: null,
      reviewDate: "2022-03-09",
    });
  });

  it("is acknowledged by the headteacher of that school only", () => {
    const h = caseWithPreWarningNotice();
    const letter = h.state.letters[0]!;
    expect(letter).toMatchObject({ status: "acknowledged", acknowledgedBy: "head-1" });
    // Acknowledged once: the school cannot acknowledge it again.
    expect(h.refuse(...head, { type: "acknowledge-letter", letterId: letter.id }).code).toBe("forbidden");
    const h2 = caseInStrategy();
    h2.run(...ell, {
      type: "draft-letter",
      letterType: "pre-warning-notice",
      indicators: [{ key: "serious-concerns-about-performance", evidence: "KS2 reading" }],
      people,
    });
    expect(h2.refuse(...head, { type: "acknowledge-letter", letterId: h2.state.letters[0]!.id }).code).toBe(
      "forbidden",
    ); // still a draft
    h2.run(...standards, { type: "approve-letter", letterId: h2.state.letters[0]!.id });
    h2.run(...standards, { type: "issue-letter", letterId: h2.state.letters[0]!.id, people });
    expect(h2.refuse(...otherHead, { type: "acknowledge-letter", letterId: h2.state.letters[0]!.id }).code).toBe(
      "forbidden",
    );
  });

  it("is reviewed at Strategy meetings, and removed once its actions are complete: the school stays in Strategy", () => {
    const h = caseWithPreWarningNotice();
    const id = h.state.letters[0]!.id;
    h.at("2022-03-09");
    h.run(...ell, strategyMeeting("2022-03-09", "some-progress"));
    expect(h.state.meetings.at(-1)).toMatchObject({
      stage: "pre-warning-notice",
      strong: false,
      progress: "some-progress",
    });
    // The notice stays in force until it is removed: nothing is offered yet.
    expect(getSuggestedTransitions(h.state, policy, "2022-03-09", h.schoolData).map((t) => t.key)).toEqual([]);

    h.at("2022-03-23");
    expect(h.refuse(...ell, { type: "complete-letter-actions", letterId: id }).code).toBe("forbidden");
    h.run(...standards, { type: "complete-letter-actions", letterId: id });
    expect(getSuggestedTransitions(h.state, policy, "2022-03-23", h.schoolData).map((t) => t.key)).toEqual([
      "pre-warning-notice-removed",
    ]);
    expect(h.refuse(...standards, { type: "close-letter", letterId: id, outcome: "removed", reason: "" }).pointer).toBe(
      "/reason",
    );
    h.run(...standards, {
      type: "close-letter",
      letterId: id,
      outcome: "removed",
      reason: "All actions complete: reading recovery plan agreed and under way.",
    });
    expect(h.state.letters[0]).toMatchObject({ status: "removed", actionsComplete: true });
    expect(summariseCase(h.state, policy, "2022-03-23")).toMatchObject({ openLetters: 0, reviewDate: null });

    expect(
      h.refuse(...ell, {
        type: "change-stage",
        stage: "strategy",
        transition: "pre-warning-notice-removed",
        reason: "Removed",
      }).message,
    ).toBe(
      '"Pre-Warning Notice removed: the school remains in Strategy" is made by Head of School Standards or Head of Education Strategy or Assistant Director for Children\'s Education.',
    );
    h.run(...standards, {
      type: "change-stage",
      stage: "strategy",
      transition: "pre-warning-notice-removed",
      reason: "Notice removed; continue monitoring in Strategy.",
    });
    expect(h.state.stage).toBe("strategy");
    expect(getStateAt(h.events, "2022-02-15T00:00:00Z")).toMatchObject({
      stage: "pre-warning-notice",
      letters: [{ status: "acknowledged" }],
    });
  });
});

describe("Lincolnshire: leaving Strategy", () => {
  function afterNoticeRemoved() {
    const h = caseWithPreWarningNotice();
    const id = h.state.letters[0]!.id;
    h.at("2022-03-23");
    h.run(...standards, { type: "complete-letter-actions", letterId: id });
    h.run(...standards, { type: "close-letter", letterId: id, outcome: "removed", reason: "All actions complete." });
    h.run(...standards, {
      type: "change-stage",
      stage: "strategy",
      transition: "pre-warning-notice-removed",
      reason: "Notice removed.",
    });
    return h;
  }

  it("needs two Strategy meetings in a row with strong progress in Strategy, and a rating below High Risk", () => {
    const h = afterNoticeRemoved();
    // The meetings held while the notice was in force do not count towards leaving Strategy.
    expect(getCaseFacts(h.state, countingMeetings, "2022-03-23")).toMatchObject({
      measures: { [HELD_IN_STAGE]: 0, [STRONG_IN_A_ROW]: 0 },
    });
    h.at("2022-04-27");
    h.run(...ell, strategyMeeting("2022-04-27", "strong-progress"));
    h.at("2022-05-25");
    h.run(...ell, strategyMeeting("2022-05-25", "strong-progress"));
    expect(getCaseFacts(h.state, countingMeetings, "2022-05-25")).toMatchObject({
      measures: { [HELD_IN_STAGE]: 2, [STRONG_IN_A_ROW]: 2 },
    });
    // Still rated High Risk (a High Risk school is always in Strategy): not offered.
    expect(h.state.category?.key).toBe("high-risk");
    expect(getSuggestedTransitions(h.state, policy, "2022-05-25", h.schoolData).map((t) => t.key)).not.toContain(
      "removed-from-strategy",
    );

    // Leaders now act effectively: the data points back to Vulnerable, and the officer re-rates.
    h.schoolData = toFacts(requiresImprovement);
    h.run(...ell, { type: "record-assessment", selections: [] });
    h.run(...ell, { type: "decide-category", category: "vulnerable", effectiveFrom: "2022-05-25" });
    expect(h.state.stage).toBe("strategy");
    expect(getSuggestedTransitions(h.state, policy, "2022-05-25", h.schoolData).map((t) => t.key)).toEqual([
      "removed-from-strategy",
    ]);

    expect(
      h.refuse(...ell, {
        type: "change-stage",
        stage: "support-monitor-and-challenge",
        transition: "removed-from-strategy",
        reason: "x",
      }).code,
    ).toBe("forbidden");
    expect(
      h.refuse(...standards, {
        type: "change-stage",
        stage: "support-monitor-and-challenge",
        transition: "removed-from-strategy",
      }),
    ).toMatchObject({ code: "invalid", pointer: "/reason" });
    h.run(...standards, {
      type: "change-stage",
      stage: "support-monitor-and-challenge",
      transition: "removed-from-strategy",
      reason: "Strong progress at two Strategy meetings; governors' monitoring gives confidence it will be sustained.",
    });
    expect(h.state.stageHistory.map((s) => s.stage)).toEqual([
      "support-monitor-and-challenge",
      "follow-up-visit",
      "strategy",
      "pre-warning-notice",
      "strategy",
      "support-monitor-and-challenge",
    ]);
  });

  it("when made automatic, moves the school out once and never back in the same command, though counts restart in the new stage", () => {
    // A policy administrator makes leaving Strategy automatic, and adds a rule that sends a school with
    // no Strategy meeting in its stage into Strategy: on the day the school leaves, its counts restart at 0.
    const automatic = structuredClone(policy);
    automatic.escalation.transitions = automatic.escalation.transitions.map((t) =>
      t.key === "removed-from-strategy" ? { ...t, mode: "automatic" as const } : t,
    );
    automatic.escalation.transitions.push({
      key: "no-strategy-meeting-yet",
      label: "No Strategy meeting yet",
      from: ["support-monitor-and-challenge"],
      to: "strategy",
      mode: "automatic",
      when: { "==": [{ var: `measures.${HELD_IN_STAGE}` }, 0] },
    } as never);
    automatic.measures = countingMeetings.measures;
    const h = afterNoticeRemoved();
    (h as { policy: PolicyDocument }).policy = automatic;
    h.schoolData = toFacts(requiresImprovement);
    h.run(...ell, { type: "record-assessment", selections: [] });
    h.run(...ell, { type: "decide-category", category: "vulnerable", effectiveFrom: "2022-03-23" });
    h.at("2022-04-27");
    h.run(...ell, strategyMeeting("2022-04-27", "strong-progress"));
    // The second meeting is recorded the day after it was held.
    h.at("2022-05-26");
    const events = h.run(...ell, strategyMeeting("2022-05-25", "strong-progress"));
    expect(
      events.filter((e) => e.type === "stage-changed").map((e) => (e as { transition?: string }).transition),
    ).toEqual(["removed-from-strategy"]);
    expect(h.state.stage).toBe("support-monitor-and-challenge");
  });

  it("is not offered after strong progress that a later meeting's concerns break", () => {
    const h = afterNoticeRemoved();
    h.schoolData = toFacts(requiresImprovement);
    h.run(...ell, { type: "record-assessment", selections: [] });
    h.run(...ell, { type: "decide-category", category: "vulnerable", effectiveFrom: "2022-03-23" });
    h.at("2022-04-27");
    h.run(...ell, strategyMeeting("2022-04-27", "strong-progress"));
    h.at("2022-05-25");
    h.run(...ell, strategyMeeting("2022-05-25", "some-progress"));
    h.at("2022-06-22");
    h.run(...ell, strategyMeeting("2022-06-22", "strong-progress"));
    expect(getSuggestedTransitions(h.state, policy, "2022-06-22", h.schoolData).map((t) => t.key)).toEqual([]);
  });
});

describe("Lincolnshire: an Inadequate judgement", () => {
  it("makes the school a School Causing Concern, whatever stage it was at", () => {
    const h = caseWithPreWarningNotice();
    h.at("2022-02-14");
    h.schoolData = toFacts({
      ...requiresImprovement,
      "ofsted.overallEffectiveness": "inadequate",
      "ofsted.inadequateCategory": "special-measures",
    });
    h.run(...ell, { type: "record-assessment", selections: [] });
    expect(h.state.assessments.at(-1)!.suggested).toBe("school-causing-concern");
    expect(h.state.assessments.at(-1)!.explanation).toContain(
      'Trigger "School subject to Inadequate Ofsted grading" applies: suggests category School Causing Concern; stage School Causing Concern.',
    );
    const events = h.run(...ell, {
      type: "decide-category",
      category: "school-causing-concern",
      effectiveFrom: "2022-02-21",
    });
    expect(events.map((e) => [e.type, e.type === "stage-changed" ? e.transition : undefined])).toEqual([
      ["category-decided", undefined],
      ["stage-changed", "rated-school-causing-concern"],
    ]);
    expect(h.state).toMatchObject({ category: { key: "school-causing-concern" }, stage: "school-causing-concern" });
    // The notice stays in force; the Local Authority writes a Statement of Action.
    expect(h.state.letters[0]!.status).toBe("acknowledged");
    const facts = getCaseFacts(h.state, policy, "2022-02-14", h.schoolData);
    expect(evaluateTriggers(policy, school, facts).map((t) => t.key)).toContain(
      "school-causing-concern-statement-of-action",
    );
  });
});

describe("Lincolnshire: what school staff may see and do", () => {
  it("keeps Strategy meeting minutes from school staff, but shares the key points", () => {
    const headAbility = buildAbility(policy, { id: "head-1", tenantId: "lincs", grants: head[1] });
    const chairAbility = buildAbility(policy, {
      id: "chair-1",
      tenantId: "lincs",
      grants: [{ role: "chair-of-governors", schoolUrn: URN }],
    });
    const ellAbility = buildAbility(policy, { id: "ell-1", tenantId: "lincs", grants: ell[1] });
    const minutes = meetingSubject("MeetingMinutes", caseAt(URN), { meetingType: "strategy-meeting" });
    const reason =
      "Full minutes of Strategy meetings are kept by the Local Authority; the school receives the agreed actions and decisions. Strategy meetings about serious allegations against the headteacher are confidential.";
    expect(explain(headAbility, policy, "read", minutes)).toEqual({ allowed: false, role: "headteacher", reason });
    expect(explain(chairAbility, policy, "read", minutes)).toEqual({
      allowed: false,
      role: "chair-of-governors",
      reason,
    });
    expect(explain(ellAbility, policy, "read", minutes)).toMatchObject({
      allowed: true,
      role: "education-locality-lead",
    });
    expect(
      headAbility.ability.can(
        "read",
        meetingSubject("MeetingKeyPoints", caseAt(URN), { meetingType: "strategy-meeting" }),
      ),
    ).toBe(true);
    expect(
      headAbility.ability.can(
        "read",
        meetingSubject("MeetingKeyPoints", caseAt(129999), { meetingType: "strategy-meeting" }),
      ),
    ).toBe(false);
    // Meetings about serious allegations against the headteacher are hidden from the headteacher altogether.
    expect(
      explain(
        headAbility,
        policy,
        "read",
        meetingSubject("Meeting", caseAt(URN), { meetingType: "serious-allegations-strategy-meeting" }),
      ),
    ).toMatchObject({
      allowed: false,
      reason:
        "Strategy meetings about serious allegations against the headteacher are confidential to the Local Authority and the chair of governors.",
    });
    // A draft notice is not the school's to read until it is issued.
    expect(
      headAbility.ability.can(
        "read",
        letterSubject(caseAt(URN), { letterType: "pre-warning-notice", status: "draft" }),
      ),
    ).toBe(false);
    expect(
      headAbility.ability.can(
        "read",
        letterSubject(caseAt(URN), { letterType: "pre-warning-notice", status: "issued" }),
      ),
    ).toBe(true);
  });

  it("refuses a command beyond a user's role and records nothing", () => {
    const h = caseInStrategy();
    const before = structuredClone(h.events);
    const error = h.refuse(...head, {
      type: "change-stage",
      stage: "support-monitor-and-challenge",
      transition: "removed-from-strategy",
      reason: "We are fine",
    });
    expect(error).toMatchObject({ code: "forbidden", message: "Your roles do not allow you to escalate this case." });
    expect(h.refuse(...head, strategyMeeting("2022-01-19", "strong-progress")).code).toBe("forbidden");
    expect(
      h.refuse(...otherEll, { type: "change-stage", stage: "support-monitor-and-challenge", reason: "Not my school" })
        .code,
    ).toBe("forbidden");
    expect(h.events).toEqual(before);
    expect(h.state.stage).toBe("strategy");
  });
});

describe("Lincolnshire: an academy", () => {
  it("gets no maintained-school notice, stage or visit, and is engaged under the academies protocol", () => {
    const h = new CaseHarness(policy, "2021-09-06T09:00:00Z", "lincs-2021-22");
    h.run(...standards, { type: "open-case", school: academy });
    h.run(...standards, { type: "assign-officer", officerId: "ell-1" });
    const before = h.events.length;
    const notice = h.refuse(...ell, {
      type: "draft-letter",
      letterType: "pre-warning-notice",
      indicators: [{ key: "serious-concerns-about-performance", evidence: "x" }],
      people,
    });
    expect(notice).toMatchObject({ code: "not-applicable", pointer: "/letterType" });
    expect(notice.message).toMatch(
      /^A Pre-Warning Notice does not apply to this school: .*Engagement with Academies Protocol/,
    );
    expect(
      h.refuse(...standards, {
        type: "draft-letter",
        letterType: "performance-standards-and-safety-warning-notice",
        indicators: [{ key: "safety-threatened", evidence: "x" }],
        people,
      }).code,
    ).toBe("not-applicable");
    expect(h.refuse(...ell, { type: "schedule-visit", visitType: "core-visit", date: "2021-10-05" }).code).toBe(
      "not-applicable",
    );
    expect(
      h.refuse(...standards, {
        type: "change-stage",
        stage: "strategy",
        transition: "into-strategy-by-officer",
        reason: "Concerns",
      }).code,
    ).toBe("not-applicable");
    expect(h.events.length).toBe(before);

    h.schoolData = toFacts(requiresImprovement);
    h.run(...ell, { type: "record-assessment", selections: [] });
    h.run(...ell, { type: "decide-category", category: "vulnerable", effectiveFrom: "2021-09-06" });
    // The risk rating table's visits are for maintained schools.
    expect(getVisitPlan(h.state, policy, "2021-09-06")).toEqual([]);
    expect(getSuggestedTransitions(h.state, policy, "2021-09-06", h.schoolData).map((t) => t.key)).toEqual([
      "academy-engagement-protocol",
    ]);
    h.run(...standards, {
      type: "change-stage",
      stage: "engagement-with-academies-protocol",
      transition: "academy-engagement-protocol",
    });
    expect(h.state.stage).toBe("engagement-with-academies-protocol");
  });
});
