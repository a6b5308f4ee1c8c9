// Cambridgeshire's School Improvement Strategy 2022, walked through the engine
// from its own policy document.
import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import policyJson from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { getSuggestedTransitions } from "../case/decide.ts";
import { getVisitPlan } from "../case/visit-plan.ts";
import { evaluateTriggers } from "../rules/assessment.ts";
import { toFacts } from "../rules/evaluate.ts";
import { CaseHarness } from "../testing/harness.ts";

const policy = policyJson as unknown as PolicyDocument;
const senior = ["senior-1", [{ role: "la-senior-officer" }]] as const;
const director = ["director-1", [{ role: "director-of-education" }]] as const;
const sia = ["sia-1", [{ role: "school-improvement-adviser" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: 110001 }]] as const;
const people = {
  officer: { name: "Sam Adviser", jobTitle: "School Improvement Adviser" },
  recipient: { name: "Pat Chair", role: "Chair of Governors" },
};
const maintained = { urn: 110001, name: "Fenland Primary School", phase: "primary", governance: "maintained" as const };
const academy = {
  urn: 140001,
  name: "Fen Edge Academy",
  phase: "secondary",
  governance: "academy" as const,
  trust: "Fen Trust",
};

function highSupportCase() {
  const h = new CaseHarness(policy, "2021-09-06T09:00:00Z", "cambs-2021");
  h.run(...senior, { type: "open-case", school: maintained });
  h.run(...senior, { type: "assign-officer", officerId: "sia-1" });
  const selections = policy.areas.map((area) => {
    const set = policy.criteria.find((c) => c.area === area.key && c.category === "high-support")!;
    return {
      area: area.key,
      descriptors: set.descriptors.slice(0, 2).map((d) => ({ category: "high-support", descriptor: d.key })),
    };
  });
  h.run(...sia, { type: "record-assessment", selections });
  h.run(...sia, { type: "decide-category", category: "high-support", effectiveFrom: "2021-09-06" });
  return h;
}

describe("Cambridgeshire: a maintained school in high support", () => {
  it("is judged best fit high support and enters intervention and support (LAIG)", () => {
    const h = highSupportCase();
    expect(h.state.assessments[0]!.suggested).toBe("high-support");
    expect(h.state.category).toMatchObject({ key: "high-support", moderation: "not-required" });
    expect(h.state.stage).toBe("intervention-and-support");
    expect(h.state.stageHistory.at(-1)?.transition).toBe("high-level-of-support");
  });

  it("gets a School Improvement Adviser visit at least monthly, never in the holidays", () => {
    const h = highSupportCase();
    const plan = getVisitPlan(h.state, policy, "2021-09-06");
    const firstYear = plan.filter((s) => s.opens < "2022-08-01");
    expect(firstYear.map((s) => s.opens.slice(0, 7))).toEqual([
      "2021-09",
      "2021-10",
      "2021-11",
      "2021-12",
      "2022-01",
      "2022-02",
      "2022-03",
      "2022-04",
      "2022-05",
      "2022-06",
      "2022-07",
    ]);
    expect(new Set(plan.map((s) => s.visitType))).toEqual(new Set(["school-improvement-adviser-visit"]));
    expect(plan.every((s) => s.basis === "minimum")).toBe(true);
    // Nothing recorded by mid-October: September's visit is overdue.
    expect(getVisitPlan(h.state, policy, "2021-10-15")[0]!.status).toBe("overdue");
  });

  it("holds half-termly LAIG meetings whose five key points go to the governing body", () => {
    const h = highSupportCase();
    const laig = policy.meetingTypes.find((m) => m.key === "laig")!;
    expect(laig.frequency).toEqual({ every: 1, unit: "half-term" });
    const tooMany = h.refuse(...sia, {
      type: "record-meeting",
      meetingType: "laig",
      date: "2021-10-20",
      attendees: ["sia-1", "head-1"],
      minutes: "Confidential minutes",
      keyPoints: ["1", "2", "3", "4", "5", "6"],
      progress: "concerns-remain",
    });
    expect(tooMany.message).toBe(`Share at most 5 key points after a ${laig.label}.`);
    h.at("2021-10-20");
    h.run(...sia, {
      type: "record-meeting",
      meetingType: "laig",
      date: "2021-10-20",
      attendees: ["sia-1", "head-1"],
      minutes: "Confidential minutes",
      keyPoints: ["Reading", "Attendance", "Governance", "Safeguarding", "Curriculum"],
      progress: "concerns-remain",
    });
    expect(h.state.meetings[0]?.keyPoints).toContain("Reading");
    expect(h.state.meetings[0]).toMatchObject({
      strong: false,
      stage: "intervention-and-support",
    });
  });

  it("receives a Warning Notice, approved and issued by the Director, and the case moves to it", () => {
    const h = highSupportCase();
    h.at("2021-11-15");
    h.run(...sia, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "below-floor-standard", evidence: "KS2 below floor 2019" }],
      actions: [{ text: "Commission a governance review", due: "2021-12-10" }],
      people,
    });
    const id = h.state.letters[0]!.id;
    expect(h.refuse(...senior, { type: "approve-letter", letterId: id }).message).toMatch(
      /is approved by Service Director for Education/,
    );
    h.run(...director, { type: "approve-letter", letterId: id });
    h.run(...director, { type: "issue-letter", letterId: id, people });
    const letter = h.state.letters[0]!;
    expect(letter.status).toBe("issued");
    expect(letter.deadline).toBe("2021-12-06"); // 15 working days from Monday 15 November 2021
    expect(letter.html).toContain("Fenland Primary School");
    expect(letter.html).toContain("Evidence of unacceptably low standards");
    expect(h.state.stage).toBe("warning-notice");
    h.run(...head, { type: "acknowledge-letter", letterId: id });

    // Then a Significant Concerns letter, approved by a senior officer.
    h.at("2022-01-10");
    h.run(...sia, {
      type: "draft-letter",
      letterType: "significant-concerns-letter",
      indicators: [
        { key: "declining-trend", evidence: "Three-year decline" },
        { key: "safeguarding-concerns", evidence: "Single central record incomplete" },
      ],
      people,
    });
    const second = h.state.letters[1]!.id;
    h.run(...senior, { type: "approve-letter", letterId: second });
    h.run(...senior, { type: "issue-letter", letterId: second, people });
    expect(h.state.letters.map((l) => [l.letterType, l.status])).toEqual([
      ["warning-notice", "acknowledged"],
      ["significant-concerns-letter", "issued"],
    ]);
    // Concerns remain when the notice's deadline has passed without compliance.
    expect(getSuggestedTransitions(h.state, policy, "2022-01-10").map((t) => t.key)).toContain(
      "concerns-remain-after-warning-notice",
    );
  });
});

describe("Cambridgeshire: letters of congratulation", () => {
  it("are suggested by an improved Ofsted grade, and need no approval", () => {
    const fired = evaluateTriggers(
      policy,
      maintained,
      toFacts({
        "ofsted.overallEffectiveness": "good",
        "ofsted.previousOverallEffectiveness": "requires-improvement",
        "ofsted.ratingImproved": true,
      }),
    );
    expect(fired.map((t) => t.suggests.letterType)).toContain("congratulations-letter");
    expect(
      evaluateTriggers(
        policy,
        maintained,
        toFacts({ "ofsted.overallEffectiveness": "no-overall-grade", "ofsted.ratingImproved": false }),
      ).filter((t) => t.suggests.letterType === "congratulations-letter"),
    ).toEqual([]);

    const h = new CaseHarness(policy, "2022-03-01T09:00:00Z", "cambs-2021");
    h.run(...senior, { type: "open-case", school: maintained });
    h.run(...sia, {
      type: "draft-letter",
      letterType: "congratulations-letter",
      indicators: [{ key: "improved-or-sustained-ofsted", evidence: "Good, February 2022" }],
      people,
    });
    h.run(...sia, { type: "issue-letter", letterId: h.state.letters[0]!.id, people });
    expect(h.state.letters[0]).toMatchObject({ status: "issued", issuedBy: "sia-1" });
    expect(h.state.stage).toBe("support-and-challenge");
  });
});

describe("Cambridgeshire: an academy follows the academy route", () => {
  it("cannot receive a maintained school's notice, and moves through the academy stages", () => {
    const h = new CaseHarness(policy, "2021-09-06T09:00:00Z", "cambs-2021");
    h.run(...senior, { type: "open-case", school: academy });
    expect(
      h.refuse(...sia, {
        type: "draft-letter",
        letterType: "warning-notice",
        indicators: [{ key: "below-floor-standard", evidence: "x" }],
        people,
      }).code,
    ).toBe("not-applicable");
    expect(
      h.refuse(...senior, { type: "change-stage", stage: "intervention-and-support", reason: "Concerns" }).code,
    ).toBe("not-applicable");
    h.run(...senior, {
      type: "change-stage",
      stage: "academy-concerns-meeting",
      transition: "academy-concerns-raised",
      reason: "Declining trend in pupil performance",
    });
    expect(
      h.refuse(...senior, {
        type: "change-stage",
        stage: "academy-formal-letter",
        transition: "academy-concerns-not-resolved",
        reason: "Not resolved",
      }).code,
    ).toBe("forbidden");
    h.run(...director, {
      type: "change-stage",
      stage: "academy-formal-letter",
      transition: "academy-concerns-not-resolved",
      reason: "Not resolved informally",
    });
    h.run(...director, {
      type: "draft-letter",
      letterType: "academy-concerns-letter",
      indicators: [{ key: "declining-trend", evidence: "x" }],
      people: { ...people, recipient: { name: "Chair of the Trust", role: "Chair of the Academy Trust" } },
    });
    expect(h.state.stageHistory.map((s) => s.stage)).toEqual([
      "support-and-challenge",
      "academy-concerns-meeting",
      "academy-formal-letter",
    ]);
  });
});

describe("Cambridgeshire: automatic transitions never bounce a case back in the same command", () => {
  it("a Significant Concerns letter resolved while still in force takes the school out of that stage without sending it straight back", () => {
    const h = new CaseHarness(policy, "2021-09-06T09:00:00Z", "cambs-2021");
    h.run(...senior, { type: "open-case", school: maintained });
    h.run(...senior, { type: "assign-officer", officerId: "sia-1" });
    h.run(...sia, {
      type: "decide-category",
      category: "medium-support",
      effectiveFrom: "2021-09-06",
      rationale: "Medium support",
    });
    h.at("2022-01-10");
    h.run(...sia, {
      type: "draft-letter",
      letterType: "significant-concerns-letter",
      indicators: [{ key: "declining-trend", evidence: "Three-year decline" }],
      people,
    });
    const id = h.state.letters[0]!.id;
    h.run(...senior, { type: "approve-letter", letterId: id });
    h.run(...director, { type: "issue-letter", letterId: id, people });
    // Issuing it moves the school into the letter's stage (an automatic transition).
    expect(h.state.stage).toBe("significant-concerns-letter");
    h.at("2022-03-01");
    h.run(...senior, { type: "complete-letter-actions", letterId: id });
    // The governing body took the actions: the policy offers to take the school back to support and challenge.
    expect(getSuggestedTransitions(h.state, policy, "2022-03-01").map((t) => t.key)).toContain(
      "significant-concerns-letter-resolved",
    );
    const events = h.run(...senior, {
      type: "change-stage",
      stage: "support-and-challenge",
      transition: "significant-concerns-letter-resolved",
      reason: "Actions taken; concerns addressed",
    });
    // The letter is still in force but its actions are complete: the move into the letter's stage no longer
    // holds, so the school stays out, in this command and the next (the engine's own guard against a bounce
    // within one command is proved in the Lincolnshire scenario).
    expect(events.map((e) => (e.type === "stage-changed" ? e.stage : e.type))).toEqual(["support-and-challenge"]);
    expect(h.state.stage).toBe("support-and-challenge");
    h.at("2022-03-02");
    h.run(...senior, { type: "assign-officer", officerId: "sia-2" });
    expect(h.state.stage).toBe("support-and-challenge");
  });
});
