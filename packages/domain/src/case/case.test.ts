import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { CaseHarness } from "../testing/harness.ts";
import { getSuggestedTransitions } from "./decide.ts";
import { fold, getStateAt } from "./evolve.ts";

const adviser = ["adviser-1", [{ role: "adviser" }]] as const;
const senior = ["senior-1", [{ role: "senior-officer" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: 100001 }]] as const;
const otherHead = ["head-2", [{ role: "headteacher", schoolUrn: 100002 }]] as const;
const school = { urn: 100001, name: "Example Primary <School>", phase: "primary", governance: "maintained" as const };

function policyWithPermissions(): PolicyDocument {
  const policy = createMinimalPolicy();
  const adviserRole = policy.roles.find((r) => r.key === "adviser")!;
  adviserRole.rules = [
    {
      action: ["read", "create", "record", "schedule", "draft", "categorise", "assign"],
      subject: ["Case", "Assessment", "Visit", "VisitReport", "Meeting", "Letter", "Action"],
    },
    { action: "publish", subject: "VisitReport" },
  ];
  policy.roles.find((r) => r.key === "headteacher")!.rules = [
    { action: "read", subject: ["Case", "Letter", "VisitReport"], conditions: { schoolUrn: "${user.schoolUrn}" } },
    { action: "acknowledge", subject: "Letter", conditions: { schoolUrn: "${user.schoolUrn}", status: "issued" } },
  ];
  return policy;
}

function openCase(policy = policyWithPermissions()) {
  const h = new CaseHarness(policy, "2025-09-08T09:00:00Z");
  h.run(...senior, { type: "open-case", school });
  return h;
}

describe("a case", () => {
  it("opens at the policy's initial stage", () => {
    const h = openCase();
    expect(h.state).toMatchObject({
      stage: "universal",
      status: "open",
      school: { urn: 100001 },
      policyVersionId: "policy-v1",
    });
    expect(h.events[0]).toMatchObject({
      type: "case-opened",
      actorId: "senior-1",
      at: "2025-09-08T09:00:00.000Z",
      policyVersionId: "policy-v1",
    });
  });

  it("follows the school to its new URN, keeping its history", () => {
    const h = openCase();
    h.run(...adviser, { type: "assign-officer", officerId: "adviser-1" });
    h.run(...senior, {
      type: "change-school",
      school: { ...school, urn: 149999, governance: "academy" },
      reason: "Converted to an academy",
    });
    expect(h.state.school).toMatchObject({ urn: 149999, governance: "academy" });
    expect(h.state.previousUrns).toEqual([100001]);
    expect(h.state.assignedOfficerId).toBe("adviser-1");
  });

  it("records a best-fit assessment, and requires a rationale to decide otherwise", () => {
    const h = openCase();
    h.run(...adviser, {
      type: "record-assessment",
      selections: [
        {
          area: "leadership",
          descriptors: [{ category: "high", descriptor: "weak" }],
          evidence: "Governors not holding leaders to account",
        },
        { area: "quality", descriptors: [{ category: "high", descriptor: "declining" }] },
      ],
    });
    expect(h.state.assessments[0]).toMatchObject({ suggested: "high", recordedBy: "adviser-1" });
    const error = h.refuse(...adviser, { type: "decide-category", category: "low", effectiveFrom: "2025-09-08" });
    expect(error).toMatchObject({
      code: "invalid",
      pointer: "/rationale",
      message: "The assessment suggests High support: say why you decided Low support instead.",
    });
    h.run(...adviser, { type: "decide-category", category: "high", effectiveFrom: "2025-09-08" });
    expect(h.state.category).toMatchObject({ key: "high", moderation: "pending" });
  });

  it("is moderated by a second officer, who may return the decision", () => {
    const h = openCase();
    h.run(...adviser, { type: "decide-category", category: "high", effectiveFrom: "2025-09-08" });
    expect(h.refuse(...adviser, { type: "moderate-category", outcome: "confirmed" }).code).toBe("forbidden");
    expect(h.refuse(...senior, { type: "moderate-category", outcome: "returned" }).pointer).toBe("/note");
    h.run(...senior, { type: "moderate-category", outcome: "returned", note: "Evidence is thin" });
    expect(h.state.category).toBeUndefined();
    h.run(...adviser, { type: "decide-category", category: "low", effectiveFrom: "2025-09-10" });
    h.run(...senior, { type: "moderate-category", outcome: "confirmed" });
    expect(h.state.category).toMatchObject({ key: "low", moderation: "confirmed", moderatedBy: "senior-1" });
  });

  it("schedules visits on school days with that term's agenda, and records the report against its form", () => {
    const h = openCase();
    expect(h.refuse(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-28" })).toMatchObject(
      {
        code: "invalid",
        message: "2025-10-28 is not a school day in the policy calendar: choose a term-time weekday.",
      },
    );
    h.run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-01" });
    const visit = h.state.visits[0]!;
    expect(visit).toMatchObject({ term: "autumn", agenda: [{ key: "welcome" }, { key: "data" }], status: "scheduled" });
    h.run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2026-02-03" });
    expect(h.state.visits[1]!.agenda.map((i) => i.key)).toEqual(["priorities"]);

    const incomplete = h.refuse(...adviser, { type: "record-visit", visitId: visit.id, data: {}, concerns: false });
    expect(incomplete).toMatchObject({
      code: "invalid",
      message: 'The report is not complete (summary): "summary" is missing: it is required here.',
    });
    expect(
      h.refuse(...senior, { type: "record-visit", visitId: visit.id, data: { summary: "x" }, concerns: false }).message,
    ).toBe("Core visit visits are recorded by Adviser.");
    h.run(...adviser, {
      type: "record-visit",
      visitId: visit.id,
      data: { summary: "Good progress" },
      agendaNotes: { data: "KS2 up" },
      concerns: false,
    });
    expect(h.state.visits[0]).toMatchObject({ status: "completed", report: { published: false } });
    // The report's body stays in its event, not in the state stored on every command.
    expect(h.state.visits[0]!.report).not.toHaveProperty("data");
    expect(h.events.at(-1)).toMatchObject({ type: "visit-recorded", agendaNotes: { data: "KS2 up" } });
    h.run(...adviser, { type: "publish-visit-report", visitId: visit.id });
    expect(h.state.visits[0]!.report?.published).toBe(true);
  });

  it("cancels a visit only with a reason", () => {
    const h = openCase();
    h.run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-01" });
    const id = h.state.visits[0]!.id;
    expect(h.refuse(...adviser, { type: "cancel-visit", visitId: id, reason: " " }).message).toBe(
      "Give a reason for cancelling.",
    );
    h.run(...adviser, { type: "cancel-visit", visitId: id, reason: "Headteacher ill" });
    expect(
      h.refuse(...adviser, { type: "record-visit", visitId: id, data: { summary: "x" }, concerns: false }).code,
    ).toBe("conflict");
  });

  it("drafts, approves and issues a notice: escaped merge fields, a working-day deadline, and the case moves stage", () => {
    const h = openCase();
    const people = {
      officer: { name: "A. Adviser" },
      recipient: { name: "Chair <b>Smith</b>", role: "Chair of governors" },
    };
    expect(
      h.refuse(...adviser, { type: "draft-letter", letterType: "warning-notice", indicators: [], people }),
    ).toMatchObject({ code: "invalid", pointer: "/indicators" });
    h.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "low-standards", evidence: "KS2 results <30%" }],
      people,
    });
    const letter = h.state.letters[0]!;
    // The subject is plain text (shown as text, never as HTML); the body's merged values are escaped.
    expect(letter.subject).toBe("Warning notice: Example Primary <School>");
    expect(letter.html).toContain("Dear Chair &lt;b&gt;Smith&lt;/b&gt;,");
    expect(letter.html).not.toContain("<b>");

    expect(h.refuse(...senior, { type: "issue-letter", letterId: letter.id, people }).message).toBe(
      "A Warning notice must be approved before it is issued.",
    );
    h.run(...senior, { type: "approve-letter", letterId: letter.id });
    h.at("2025-12-17");
    const issued = h.run(...senior, { type: "issue-letter", letterId: letter.id, people });
    expect(issued.map((e) => e.type)).toEqual(["letter-issued", "stage-changed"]);
    expect(h.state.letters[0]).toMatchObject({
      status: "issued",
      issuedOn: "2025-12-17",
      deadline: "2026-01-12",
      reviewDate: "2026-01-28",
    });
    expect(h.state.stage).toBe("notice");

    expect(h.refuse(...otherHead, { type: "acknowledge-letter", letterId: letter.id }).code).toBe("forbidden");
    h.run(...head, { type: "acknowledge-letter", letterId: letter.id });
    expect(h.state.letters[0]).toMatchObject({ status: "acknowledged", acknowledgedBy: "head-1" });
  });

  it("does not let the drafter approve their own letter", () => {
    const policy = policyWithPermissions();
    policy.letterTypes[0]!.permissions.approve = ["adviser", "senior-officer"];
    policy.roles.find((r) => r.key === "adviser")!.rules.push({ action: "approve", subject: "Letter" });
    const h = openCase(policy);
    const people = { officer: { name: "A" }, recipient: { name: "B", role: "Chair" } };
    h.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "breakdown", evidence: "e" }],
      people,
    });
    expect(h.refuse(...adviser, { type: "approve-letter", letterId: h.state.letters[0]!.id }).message).toBe(
      "A second officer approves a letter: you drafted this one.",
    );
  });

  it("refuses a letter the policy limits to other schools", () => {
    const h = new CaseHarness(policyWithPermissions(), "2025-09-08T09:00:00Z");
    h.run(...senior, { type: "open-case", school: { ...school, governance: "academy" } });
    const error = h.refuse(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "breakdown", evidence: "e" }],
      people: { officer: { name: "A" }, recipient: { name: "B", role: "C" } },
    });
    expect(error.code).toBe("not-applicable");
  });

  it("counts meetings with strong progress towards the exit, and suggests it", () => {
    const h = openCase();
    h.run(...senior, { type: "change-stage", stage: "notice", reason: "Serious concerns" });
    const meeting = (date: string, progress: string) => {
      // Meetings are recorded on the day they are held: a measure counts nothing dated after today.
      h.at(date);
      return h.run(...adviser, {
        type: "record-meeting",
        meetingType: "review-group",
        date,
        attendees: ["adviser-1"],
        minutes: "…",
        keyPoints: ["One"],
        progress,
      });
    };
    expect(
      h.refuse(...adviser, {
        type: "record-meeting",
        meetingType: "review-group",
        date: "2025-10-01",
        attendees: ["a"],
        minutes: "",
        keyPoints: ["1", "2", "3", "4", "5", "6"],
        progress: "strong",
      }).message,
    ).toBe("Share at most 5 key points after a Review group.");
    h.at("2025-10-10");
    meeting("2025-10-10", "insufficient");
    meeting("2025-11-10", "strong");
    expect(getSuggestedTransitions(h.state, h.policy, "2025-11-10")).toEqual([]);
    meeting("2025-12-10", "strong");
    expect(getSuggestedTransitions(h.state, h.policy, "2025-12-10").map((t) => t.key)).toEqual(["notice-removed"]);
    expect(
      h.refuse(...senior, { type: "change-stage", stage: "universal", transition: "notice-removed" }).pointer,
    ).toBe("/reason");
    h.run(...senior, {
      type: "change-stage",
      stage: "universal",
      transition: "notice-removed",
      reason: "Two boards with strong progress",
    });
    expect(h.state.stageHistory.map((s) => s.stage)).toEqual(["universal", "notice", "universal"]);
  });

  it("refuses a named transition whose rule does not hold; the officer moves the case outside it, with a reason", () => {
    const h = openCase();
    h.run(...senior, { type: "change-stage", stage: "notice", reason: "Serious concerns" });
    const refused = h.refuse(...senior, {
      type: "change-stage",
      stage: "universal",
      transition: "notice-removed",
      reason: "Leaders say it is better",
    });
    expect(refused.code).toBe("conflict");
    expect(refused.pointer).toBe("/transition");
    expect(refused.message).toContain("does not apply yet");
    h.run(...senior, { type: "change-stage", stage: "universal", reason: "Leaders say it is better" });
    expect(h.state.stage).toBe("universal");
    expect(h.state.stageHistory.at(-1)?.transition).toBeUndefined();
  });

  it("records a meeting of a type without progress judgements with none, not strong", () => {
    const policy = policyWithPermissions();
    const reviewGroup = policy.meetingTypes.find((m) => m.key === "review-group")!;
    reviewGroup.progressJudgements = [];
    const h = openCase(policy);
    h.run(...adviser, {
      type: "record-meeting",
      meetingType: "review-group",
      date: "2025-09-08",
      attendees: ["adviser-1"],
      minutes: "…",
      keyPoints: [],
      progress: "anything",
    });
    expect(h.state.meetings[0]).toMatchObject({ progress: "", strong: false });
  });

  it("moves automatically when an automatic transition's rule holds", () => {
    const policy = policyWithPermissions();
    policy.escalation.transitions.push({
      key: "notice-in-force",
      from: ["universal"],
      to: "notice",
      label: "A warning notice is in force",
      mode: "automatic",
      when: { "==": [{ var: "letters.warning-notice.inForce" }, true] },
      requiresReason: false,
    });
    policy.letterTypes[0]!.effect = {};
    const h = openCase(policy);
    const people = { officer: { name: "A" }, recipient: { name: "B", role: "C" } };
    h.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "breakdown", evidence: "e" }],
      people,
    });
    h.run(...senior, { type: "approve-letter", letterId: h.state.letters[0]!.id });
    const events = h.run(...senior, { type: "issue-letter", letterId: h.state.letters[0]!.id, people });
    expect(events.at(-1)).toMatchObject({ type: "stage-changed", stage: "notice", transition: "notice-in-force" });
  });

  it("keeps an action plan with owners, due dates and progress notes", () => {
    const h = openCase();
    h.run(...adviser, { type: "add-priority", title: "Improve reading", targets: ["80% at expected standard"] });
    h.run(...adviser, {
      type: "add-action",
      priorityId: h.state.priorities[0]!.id,
      text: "Phonics training",
      owner: "English lead",
      due: "2025-12-01",
    });
    h.run(...senior, {
      type: "update-action",
      actionId: h.state.actions[0]!.id,
      status: "done",
      note: "Training delivered",
    });
    expect(h.state.actions[0]).toMatchObject({
      status: "done",
      notes: [{ text: "Training delivered", by: "senior-1" }],
    });
  });

  it("answers what the case was on a past date", () => {
    const h = openCase();
    h.at("2025-10-01");
    h.run(...adviser, { type: "decide-category", category: "high", effectiveFrom: "2025-10-01" });
    h.at("2026-01-15");
    h.run(...senior, { type: "change-stage", stage: "notice", reason: "Concerns" });
    expect(getStateAt(h.events, "2025-09-30T23:59:59Z")?.category).toBeUndefined();
    expect(getStateAt(h.events, "2025-12-31T23:59:59Z")).toMatchObject({
      category: { key: "high" },
      stage: "universal",
    });
    expect(getStateAt(h.events, "2026-02-01T00:00:00Z")?.stage).toBe("notice");
    expect(fold(h.events)).toEqual(h.state);
  });

  it("refuses a school user's commands beyond their role, emitting nothing", () => {
    const h = openCase();
    const before = h.events.length;
    expect(h.refuse(...head, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-01" }).code).toBe(
      "forbidden",
    );
    expect(h.events.length).toBe(before);
  });
});
