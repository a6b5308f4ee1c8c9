// North Shire, a made-up third authority of a different shape (four categories,
// a six-term year, a local pre-formal warning notice, two stages), runs through
// the same engine with no change to it: only its policy document differs.
import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import revisedJson from "@steward/policy-config/fixtures/north-shire/policy-revised.json" with { type: "json" };
import northShire from "@steward/policy-config/fixtures/north-shire/policy.json" with { type: "json" };

import { SchoolCalendar } from "../calendar/school-calendar.ts";
import { getSuggestedTransitions } from "../case/decide.ts";
import { getCaseFacts } from "../case/facts.ts";
import { planPolicyMove } from "../case/policy-move.ts";
import { summariseCase } from "../case/summary.ts";
import { getVisitPlan } from "../case/visit-plan.ts";
import { buildAbility, explain } from "../permissions/ability.ts";
import { meetingSubject, NO_SCHOOL_ATTRIBUTES } from "../permissions/subjects.ts";
import type { DescriptorSelection } from "../rules/assessment.ts";
import { CaseHarness } from "../testing/harness.ts";

const caseAt = (schoolUrn: number) => ({
  schoolUrn,
  school: NO_SCHOOL_ATTRIBUTES,
  assignedOfficerId: null,
  category: null,
  stage: null,
  status: "open",
});

const policy = northShire as unknown as PolicyDocument;
const revised = revisedJson as unknown as PolicyDocument;
const URN = 990001;
const school = {
  urn: URN,
  name: "Northmoor Church of England Primary School",
  phase: "primary",
  governance: "maintained" as const,
};

const partner = ["ip-1", [{ role: "improvement-partner" }]] as const;
const service = ["hos-1", [{ role: "head-of-service" }]] as const;
const secondService = ["hos-2", [{ role: "head-of-service" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: URN }]] as const;
const chair = ["chair-1", [{ role: "chair-of-governors", schoolUrn: URN }]] as const;
const people = {
  officer: { name: "Robin Partner", jobTitle: "Improvement partner" },
  recipient: { name: "Sam Chair", role: "Chair of Governors" },
  school: { headteacher: "Dana Head" },
};

const ticks = (category: string, descriptors: string[]) => descriptors.map((descriptor) => ({ category, descriptor }));
const supportAndChallenge: DescriptorSelection[] = [
  {
    area: "leadership-and-governance",
    descriptors: ticks("support-and-challenge", ["inconsistent-impact", "governance-developing"]),
  },
  {
    area: "curriculum-and-outcomes",
    descriptors: [
      ...ticks("support-and-challenge", ["outcomes-below-national"]),
      ...ticks("light-touch-plus", ["teaching-variable"]),
    ],
  },
  {
    area: "inclusion-and-attendance",
    descriptors: ticks("light-touch-plus", ["attendance-declining"]),
    evidence: "Attendance 93.1%, down two years running",
  },
];

function agendaItems(term: string) {
  return policy.visitTypes[0]!.agendas.find((a) => a.term === term)!.items.map((i) => i.key);
}

/** Categorised Support and challenge from 7 September 2026, confirmed by a second head of service. */
function supportAndChallengeCase() {
  const h = new CaseHarness(policy, "2026-09-07T09:00:00Z", "north-shire-2026-27");
  h.run(...service, { type: "open-case", school });
  h.run(...service, { type: "assign-officer", officerId: "ip-1" });
  h.run(...partner, { type: "record-assessment", selections: supportAndChallenge });
  h.run(...service, { type: "decide-category", category: "support-and-challenge", effectiveFrom: "2026-09-07" });
  h.run(...secondService, { type: "moderate-category", outcome: "confirmed" });
  return h;
}

function board(date: string, progress: string) {
  return {
    type: "record-meeting" as const,
    meetingType: "improvement-board",
    date,
    attendees: ["hos-1", "ip-1", "head-1", "chair-1"],
    minutes: "Confidential minutes.",
    keyPoints: ["Reading", "Attendance"],
    progress,
  };
}

/** A pre-formal warning notice issued on Monday 16 November 2026 and acknowledged by the chair. */
function caseWithNotice() {
  const h = supportAndChallengeCase();
  h.at("2026-11-12");
  h.run(...partner, {
    type: "draft-letter",
    letterType: "pre-formal-warning-notice",
    indicators: [{ key: "no-progress", evidence: "Reading actions agreed in September are not under way." }],
    actions: [{ text: "Appoint a reading lead", due: "2026-12-11" }],
    people,
  });
  h.run(...service, { type: "approve-letter", letterId: h.state.letters[0]!.id });
  h.at("2026-11-16");
  h.run(...service, { type: "issue-letter", letterId: h.state.letters[0]!.id, people });
  h.at("2026-11-17");
  h.run(...chair, { type: "acknowledge-letter", letterId: h.state.letters[0]!.id });
  return h;
}

describe("North Shire: categorisation into one of its four categories", () => {
  it("suggests the best fit across its three areas, decided by the head of service and moderated by a second", () => {
    const h = new CaseHarness(policy, "2026-09-07T09:00:00Z", "north-shire-2026-27");
    h.run(...service, { type: "open-case", school });
    h.run(...service, { type: "assign-officer", officerId: "ip-1" });
    h.run(...partner, { type: "record-assessment", selections: supportAndChallenge });
    expect(h.state.assessments[0]).toMatchObject({ suggested: "support-and-challenge" });
    expect(h.state.assessments[0]!.explanation).toEqual([
      "Leadership and governance: best fit Support and challenge (descriptors ticked: 2 Support and challenge).",
      "Curriculum, teaching and outcomes: best fit Support and challenge (descriptors ticked: 1 Support and challenge, 1 Light touch +).",
      "Inclusion, behaviour and attendance: best fit Light touch + (descriptors ticked: 1 Light touch +).",
      "Overall best fit: Support and challenge, the best fit in 2 of 3 areas.",
    ]);
    expect(
      h.refuse(...partner, {
        type: "record-assessment",
        selections: [
          { area: "leadership-and-governance", descriptors: ticks("support-and-challenge", ["limited-capacity"]) },
        ],
      }),
    ).toMatchObject({
      code: "invalid",
      pointer: "/selections/0/descriptors/0",
    });

    h.run(...service, { type: "decide-category", category: "support-and-challenge", effectiveFrom: "2026-09-07" });
    expect(h.state.category).toMatchObject({ key: "support-and-challenge", moderation: "pending" });
    expect(h.refuse(...service, { type: "moderate-category", outcome: "confirmed" }).message).toBe(
      "A second officer moderates a decision: you made this one.",
    );
    expect(h.refuse(...partner, { type: "moderate-category", outcome: "confirmed" }).code).toBe("forbidden");
    h.run(...secondService, { type: "moderate-category", outcome: "confirmed" });
    expect(h.state.category).toMatchObject({
      key: "support-and-challenge",
      moderation: "confirmed",
      moderatedBy: "hos-2",
    });
  });

  it("needs no moderation for a Light touch category", () => {
    const h = new CaseHarness(policy, "2026-09-07T09:00:00Z", "north-shire-2026-27");
    h.run(...service, { type: "open-case", school });
    h.run(...service, { type: "decide-category", category: "light-touch-plus", effectiveFrom: "2026-09-07" });
    expect(h.state.category).toMatchObject({ key: "light-touch-plus", moderation: "not-required" });
    expect(
      h.refuse(...service, {
        type: "decide-category",
        category: "support-and-challenge-plus-plus",
        effectiveFrom: "2026-09-07",
      }).code,
    ).toBe("invalid");
  });
});

describe("North Shire: its six-term visit plan", () => {
  it("plans one improvement partner visit in each of Terms 1 to 6, never in the holidays", () => {
    const h = supportAndChallengeCase();
    const plan = getVisitPlan(h.state, policy, "2026-09-07");
    expect(plan.map((s) => [s.label, s.opens, s.dueBy])).toEqual([
      ["Term 1 2026-27", "2026-09-07", "2026-10-23"],
      ["Term 2 2026-27", "2026-11-02", "2026-12-18"],
      ["Term 3 2026-27", "2027-01-05", "2027-02-12"],
      ["Term 4 2026-27", "2027-02-22", "2027-03-25"],
      ["Term 5 2026-27", "2027-04-14", "2027-05-28"],
      ["Term 6 2026-27", "2027-06-07", "2027-07-21"],
    ]);
    const calendar = new SchoolCalendar(policy.calendar);
    expect(plan.every((s) => calendar.isSchoolDay(s.opens) && calendar.isSchoolDay(s.dueBy))).toBe(true);
    expect(
      h.refuse(...partner, { type: "schedule-visit", visitType: "improvement-partner-visit", date: "2027-03-29" }).code,
    ).toBe("invalid"); // Easter holiday
  });

  it("visits other categories as their cadences say: yearly, termly or at least every three weeks", () => {
    const plans = Object.fromEntries(
      ["light-touch", "light-touch-plus", "support-and-challenge-plus"].map((category) => {
        const h = new CaseHarness(policy, "2026-09-07T09:00:00Z", "north-shire-2026-27");
        h.run(...service, { type: "open-case", school });
        h.run(...service, { type: "decide-category", category, effectiveFrom: "2026-09-07", rationale: "Test" });
        return [category, getVisitPlan(h.state, policy, "2026-09-07")];
      }),
    );
    expect(plans["light-touch"]!.map((s) => s.label)).toEqual(["2026 to 2027"]);
    expect(plans["light-touch-plus"]!.map((s) => s.opens)).toEqual(["2026-09-07", "2027-01-05", "2027-04-14"]);
    const frequent = plans["support-and-challenge-plus"]!;
    expect(frequent).toHaveLength(13);
    expect(frequent.slice(0, 3).map((s) => [s.opens, s.dueBy])).toEqual([
      ["2026-09-07", "2026-09-25"],
      ["2026-09-28", "2026-10-16"],
      ["2026-10-19", "2026-11-13"], // three school weeks: the October half term is not counted
    ]);
    expect(frequent.every((s) => s.basis === "minimum")).toBe(true);
  });

  it("gives each half-term's visit the agenda of the term it is in", () => {
    const h = supportAndChallengeCase();
    const dates = ["2026-10-06", "2026-12-01", "2027-01-19", "2027-03-09", "2027-05-11", "2027-06-29"];
    for (const date of dates)
      h.run(...partner, { type: "schedule-visit", visitType: "improvement-partner-visit", date });
    expect(h.state.visits.map((v) => v.term)).toEqual(["autumn", "autumn", "spring", "spring", "summer", "summer"]);
    expect(h.state.visits.map((v) => v.agenda.map((i) => i.key))).toEqual([
      agendaItems("autumn"),
      agendaItems("autumn"),
      agendaItems("spring"),
      agendaItems("spring"),
      agendaItems("summer"),
      agendaItems("summer"),
    ]);
    expect(agendaItems("summer")).toContain("category-review");

    h.at("2026-10-06");
    h.run(...partner, {
      type: "record-visit",
      visitId: h.state.visits[0]!.id,
      data: {
        visitDate: "2026-10-06",
        summary: "Leaders have started the reading plan.",
        progress: "Reasonable progress",
      },
      concerns: false,
    });
    const statuses = getVisitPlan(h.state, policy, "2026-11-16").map((s) => s.status);
    expect(statuses.slice(0, 3)).toEqual(["done", "due", "upcoming"]);
  });
});

describe("North Shire: its pre-formal warning notice", () => {
  it("is drafted by the improvement partner, approved and issued by the head of service, with an action plan due 15 calendar days after issue", () => {
    const h = supportAndChallengeCase();
    h.at("2026-11-12");
    h.run(...partner, {
      type: "draft-letter",
      letterType: "pre-formal-warning-notice",
      indicators: [{ key: "no-progress", evidence: "Reading actions agreed in September are not under way." }],
      actions: [{ text: "Appoint a reading lead", due: "2026-12-11" }],
      people,
    });
    const id = h.state.letters[0]!.id;
    expect(h.refuse(...partner, { type: "approve-letter", letterId: id }).code).toBe("forbidden");
    expect(h.refuse(...service, { type: "issue-letter", letterId: id, people }).message).toBe(
      "A Pre-formal warning notice must be approved before it is issued.",
    );
    h.run(...service, { type: "approve-letter", letterId: id });
    h.at("2026-11-16");
    const events = h.run(...service, { type: "issue-letter", letterId: id, people });
    expect(events.map((e) => e.type)).toEqual(["letter-issued", "stage-changed"]);
    const letter = h.state.letters[0]!;
    // Calendar days, so weekends count: a working-day count would give 7 December.
    expect(letter).toMatchObject({
      status: "issued",
      issuedOn: "2026-11-16",
      deadline: "2026-12-01",
      reviewDate: "2026-12-28",
    });
    expect(letter.html).toContain("Send us an action plan by 1 December 2026.");
    expect(letter.html).toContain(
      "While the notice is in force, Northmoor Church of England Primary School is in Formal concern",
    );
    expect(letter.html).toContain("Its category is Support and challenge.");
    expect(letter.html).toContain("Copy to: Dana Head, headteacher");
    expect(h.state.stage).toBe("formal-concern");
    expect(summariseCase(h.state, policy, "2026-11-16")).toMatchObject({
      openLetters: 1,
      letterDeadline: "2026-12-01",
      reviewDate: "2026-12-28",
    });
  });

  it("counts its deadline from the day it is issued, through weekends and holidays", () => {
    const h = supportAndChallengeCase();
    h.at("2026-12-04");
    h.run(...partner, {
      type: "draft-letter",
      letterType: "pre-formal-warning-notice",
      indicators: [{ key: "low-standards", evidence: "KS2 reading 48%" }],
      people,
    });
    h.run(...service, { type: "approve-letter", letterId: h.state.letters[0]!.id });
    h.run(...service, { type: "issue-letter", letterId: h.state.letters[0]!.id, people });
    expect(h.state.letters[0]!.deadline).toBe("2026-12-19"); // a Saturday, the first day of the Christmas holiday
  });

  it("is acknowledged by the school, tracked past its deadline, and removed when the action plan is complete", () => {
    const h = caseWithNotice();
    const id = h.state.letters[0]!.id;
    expect(h.state.letters[0]).toMatchObject({ status: "acknowledged", acknowledgedBy: "chair-1" });
    expect(getCaseFacts(h.state, policy, "2026-12-01")).toMatchObject({
      letters: { "pre-formal-warning-notice": { inForce: true, deadlinePassed: false } },
    });
    expect(getCaseFacts(h.state, policy, "2026-12-02")).toMatchObject({
      letters: { "pre-formal-warning-notice": { inForce: true, deadlinePassed: true, actionsComplete: false } },
    });

    h.at("2026-12-10");
    expect(h.refuse(...head, { type: "complete-letter-actions", letterId: id }).code).toBe("forbidden");
    h.run(...service, { type: "complete-letter-actions", letterId: id });
    expect(summariseCase(h.state, policy, "2026-12-10")).toMatchObject({
      openLetters: 1,
      letterDeadline: null,
      reviewDate: "2026-12-28",
    });
    h.run(...service, {
      type: "close-letter",
      letterId: id,
      outcome: "removed",
      reason: "The action plan is complete.",
    });
    expect(h.state.letters[0]!.status).toBe("removed");
    expect(getCaseFacts(h.state, policy, "2026-12-10")).toMatchObject({ case: { noticesInForce: [] } });
  });
});

describe("North Shire: its two-stage escalation", () => {
  it("leaves Formal concern after strong progress at two improvement boards in a row", () => {
    const h = caseWithNotice();
    h.at("2026-12-10");
    h.run(...service, { type: "complete-letter-actions", letterId: h.state.letters[0]!.id });
    h.run(...service, {
      type: "close-letter",
      letterId: h.state.letters[0]!.id,
      outcome: "removed",
      reason: "The action plan is complete.",
    });
    h.run(...service, board("2026-12-10", "strong-progress"));
    expect(getSuggestedTransitions(h.state, policy, "2026-12-10")).toEqual([]);
    h.at("2027-02-03");
    h.run(...service, board("2027-02-03", "strong-progress"));
    expect(getSuggestedTransitions(h.state, policy, "2027-02-03").map((t) => t.key)).toEqual(["exit-to-universal"]);
    expect(
      h.refuse(...partner, {
        type: "change-stage",
        stage: "universal",
        transition: "exit-to-universal",
        reason: "Strong progress",
      }).code,
    ).toBe("forbidden");
    expect(
      h.refuse(...service, { type: "change-stage", stage: "universal", transition: "exit-to-universal" }).pointer,
    ).toBe("/reason");
    h.run(...service, {
      type: "change-stage",
      stage: "universal",
      transition: "exit-to-universal",
      reason: "Strong progress at the December and February boards.",
    });
    expect(h.state.stageHistory.map((s) => [s.stage, s.transition])).toEqual([
      ["universal", undefined],
      ["formal-concern", undefined],
      ["universal", "exit-to-universal"],
    ]);
  });

  it("offers Formal concern after two improvement boards in a row with insufficient progress", () => {
    const h = supportAndChallengeCase();
    h.at("2026-10-14");
    h.run(...service, board("2026-10-14", "insufficient-progress"));
    expect(getSuggestedTransitions(h.state, policy, "2026-10-14")).toEqual([]);
    h.at("2026-12-09");
    h.run(...service, board("2026-12-09", "insufficient-progress"));
    expect(getSuggestedTransitions(h.state, policy, "2026-12-09").map((t) => t.key)).toEqual(["into-formal-concern"]);
    h.run(...service, {
      type: "change-stage",
      stage: "formal-concern",
      transition: "into-formal-concern",
      reason: "Insufficient progress at two boards.",
    });
    expect(h.state.stage).toBe("formal-concern");
    expect(h.refuse(...service, { type: "change-stage", stage: "formal-concern", reason: "Again" }).code).toBe(
      "conflict",
    );
  });

  it("keeps improvement board minutes from school staff", () => {
    const minutes = meetingSubject("MeetingMinutes", caseAt(URN), { meetingType: "improvement-board" });
    const headAbility = buildAbility(policy, { id: "head-1", tenantId: "north-shire", grants: head[1] });
    expect(explain(headAbility, policy, "read", minutes)).toEqual({
      allowed: false,
      role: "headteacher",
      reason:
        "Improvement board minutes are confidential to council officers; the school receives the key points and actions.",
    });
    expect(
      headAbility.ability.can(
        "read",
        meetingSubject("MeetingKeyPoints", caseAt(URN), { meetingType: "improvement-board" }),
      ),
    ).toBe(true);
  });
});

describe("North Shire: moving to a revised policy version", () => {
  it("keeps each case's category and stage, and re-plans Support and challenge + visits to about every four weeks", () => {
    const h = new CaseHarness(policy, "2026-09-07T09:00:00Z", "north-shire-2026-27");
    h.run(...service, { type: "open-case", school });
    h.run(...service, { type: "decide-category", category: "support-and-challenge-plus", effectiveFrom: "2026-09-07" });
    h.run(...secondService, { type: "moderate-category", outcome: "confirmed" });
    expect(getVisitPlan(h.state, policy, "2026-09-07")).toHaveLength(13);

    expect(planPolicyMove([h.state], revised)).toEqual([
      {
        caseId: h.state.id,
        urn: URN,
        school: school.name,
        category: { before: "support-and-challenge-plus", after: "support-and-challenge-plus", changed: false },
        stage: { before: "universal", after: "universal", changed: false },
        problems: [],
      },
    ]);
    // The move is decided under the new version: its policy and its id.
    const moved = new CaseHarness(revised, "2026-10-01T09:00:00Z", "north-shire-2026-27-r2");
    moved.events.push(...h.events);
    moved.run(...service, {
      type: "change-policy-version",
      policyVersionId: "north-shire-2026-27-r2",
      category: "support-and-challenge-plus",
      stage: "universal",
    });
    expect(moved.state).toMatchObject({
      policyVersionId: "north-shire-2026-27-r2",
      category: { key: "support-and-challenge-plus" },
      stage: "universal",
    });
    // Earlier events keep the version they were made under.
    expect(moved.events.map((e) => e.policyVersionId)).toEqual([
      ...h.events.map(() => "north-shire-2026-27"),
      "north-shire-2026-27-r2",
    ]);
    const plan = getVisitPlan(moved.state, revised, "2026-09-07");
    expect(plan).toHaveLength(10);
    expect(plan.every((s) => s.basis === "typical")).toBe(true);
  });
});
