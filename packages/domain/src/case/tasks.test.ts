import { describe, expect, it } from "vitest";

import type { FollowUp, PolicyDocument, Transition } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { CaseHarness } from "../testing/harness.ts";
import { decideOnTheDay } from "./daily.ts";
import { evolve } from "./evolve.ts";
import type { CaseState } from "./state.ts";
import { getTaskStatus } from "./tasks.ts";

const adviser = ["adviser-1", [{ role: "adviser" }]] as const;
const senior = ["senior-1", [{ role: "senior-officer" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: 100001 }]] as const;
const school = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" as const };
const people = { officer: { name: "Ada Adviser" }, recipient: { name: "Carl Chair", role: "Chair of governors" } };

const NOTICE_FOLLOW_UPS: FollowUp[] = [
  {
    key: "visit",
    kind: "visit",
    label: "Visit the school",
    visitType: "core-visit",
    within: { amount: 15, unit: "working-days" },
  },
  { key: "letter", kind: "letter", label: "Draft the next notice", letterType: "warning-notice" },
  {
    key: "review",
    kind: "meeting",
    label: "Hold a review group",
    meetingType: "review-group",
    within: { amount: 4, unit: "weeks" },
  },
  {
    key: "tell",
    kind: "notify",
    label: "Tell the headteacher",
    notify: [{ role: "headteacher" }],
    within: { amount: 2, unit: "working-days" },
  },
  { key: "plan", kind: "task", label: "Agree a support plan", roles: ["adviser"] },
];

/** The minimal policy with follow-ups on both stages, and any extra transitions. */
function policyWithFollowUps(...transitions: Transition[]): PolicyDocument {
  const policy = createMinimalPolicy();
  const [universal, notice] = policy.escalation.stages;
  if (!universal || !notice) throw new Error("The minimal policy has two stages.");
  universal.followUps = [
    { key: "welcome", kind: "task", label: "Meet the headteacher", within: { amount: 5, unit: "working-days" } },
  ];
  notice.followUps = NOTICE_FOLLOW_UPS;
  policy.escalation.transitions.push(...transitions);
  // The adviser does the work but may not update the case: only a task naming their role is theirs to close.
  const adviserRole = policy.roles.find((r) => r.key === "adviser");
  if (adviserRole)
    adviserRole.rules = [
      {
        action: ["read", "record", "draft", "schedule"],
        subject: ["Case", "Visit", "VisitReport", "Letter", "Meeting"],
      },
    ];
  return policy;
}

function openCase(policy = policyWithFollowUps(), start = "2025-09-08T09:00:00Z") {
  const h = new CaseHarness(policy, start);
  h.run(...senior, { type: "open-case", school });
  return h;
}

/** The case moved into the notice stage by a senior officer on 17 December 2025. */
function inNotice() {
  const h = openCase();
  h.at("2025-12-17").run(...senior, { type: "change-stage", stage: "notice", reason: "Governance has broken down" });
  return h;
}

const noticeTasks = (state: CaseState) => state.tasks.filter((t) => t.stage === "notice");
const task = (state: CaseState, followUp: string) => {
  const found = state.tasks.findLast((t) => t.followUp === followUp);
  if (!found) throw new Error(`No task for ${followUp}.`);
  return found;
};

describe("a stage's follow-ups become tasks on entering it", () => {
  it("at the initial stage when the case opens", () => {
    const h = openCase();
    expect(h.events.map((e) => e.type)).toEqual(["case-opened", "tasks-started"]);
    expect(h.state.tasks).toEqual([
      expect.objectContaining({
        followUp: "welcome",
        kind: "task",
        label: "Meet the headteacher",
        stage: "universal",
        status: "open",
        due: "2025-09-15",
        startedAt: "2025-09-08T09:00:00.000Z",
      }),
    ]);
  });

  it("when an officer moves the case, due in working days from the day it entered (over Christmas)", () => {
    const h = inNotice();
    expect(h.events.slice(-2).map((e) => e.type)).toEqual(["stage-changed", "tasks-started"]);
    expect(noticeTasks(h.state).map((t) => [t.followUp, t.kind, t.due, t.status])).toEqual([
      ["visit", "visit", "2026-01-12", "open"],
      ["letter", "letter", undefined, "open"],
      ["review", "meeting", "2026-01-14", "open"],
      ["tell", "notify", "2025-12-19", "open"],
      ["plan", "task", undefined, "open"],
    ]);
    expect(task(h.state, "visit")).toMatchObject({ visitType: "core-visit" });
    expect(task(h.state, "tell")).toMatchObject({ notify: [{ role: "headteacher" }] });
    expect(task(h.state, "plan")).toMatchObject({ roles: ["adviser"] });
  });

  it("when an issued letter moves the case; a letter drafted before the stage does not count", () => {
    const h = openCase();
    h.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "breakdown", evidence: "Governors resigned" }],
      people,
    });
    const letterId = h.state.letters[0]?.id ?? "";
    h.run(...senior, { type: "approve-letter", letterId });
    const issued = h.at("2025-12-17").run(...senior, { type: "issue-letter", letterId, people });
    expect(issued.map((e) => e.type)).toEqual(["letter-issued", "stage-changed", "tasks-started"]);
    expect(noticeTasks(h.state)).toHaveLength(5);
    expect(task(h.state, "letter").status).toBe("open");
  });

  it("when an automatic transition follows a command", () => {
    const h = openCase(
      policyWithFollowUps({
        key: "high-support",
        from: ["universal"],
        to: "notice",
        label: "High support",
        mode: "automatic",
        when: { "==": [{ var: "case.category" }, "high"] },
        requiresReason: false,
      }),
    );
    const events = h.run(...senior, { type: "decide-category", category: "high", effectiveFrom: "2025-09-08" });
    expect(events.map((e) => e.type)).toEqual(["category-decided", "stage-changed", "tasks-started"]);
    expect(noticeTasks(h.state)).toHaveLength(5);
  });

  it("when the daily check makes an automatic transition, dated the day of the run", () => {
    const h = openCase(
      policyWithFollowUps({
        key: "stuck",
        from: ["universal"],
        to: "notice",
        label: "Three months without progress",
        mode: "automatic",
        when: { ">=": [{ var: "case.monthsInStage" }, 3] },
        requiresReason: false,
      }),
    );
    const events = decideOnTheDay(h.state, h.at("2025-12-17").context("system", []));
    expect(events.map((e) => [e.type, e.actorId, e.at])).toEqual([
      ["stage-changed", "system", "2025-12-17T12:00:00.000Z"],
      ["tasks-started", "system", "2025-12-17T12:00:00.000Z"],
    ]);
    const state = events.reduce<CaseState>(evolve, h.state);
    expect(task(state, "visit")).toMatchObject({ stage: "notice", due: "2026-01-12", status: "open" });
  });

  it("again on re-entering the stage, leaving the tasks still open from the last time open", () => {
    const h = inNotice();
    h.at("2026-01-05").run(...senior, { type: "change-stage", stage: "universal", reason: "Improved" });
    expect(noticeTasks(h.state).every((t) => t.status === "open")).toBe(true);
    h.at("2026-02-02").run(...senior, { type: "change-stage", stage: "notice", reason: "Declined again" });
    expect(noticeTasks(h.state)).toHaveLength(10);
    expect(h.state.tasks.filter((t) => t.followUp === "welcome")).toHaveLength(2);
    expect(new Set(h.state.tasks.map((t) => t.id)).size).toBe(h.state.tasks.length);
  });
});

describe("a task is done", () => {
  it("by the visit of its type scheduled, the letter of its type drafted, the meeting of its type recorded", () => {
    const h = inNotice();
    h.at("2025-12-18").run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2026-01-07" });
    const visitId = h.state.visits[0]?.id;
    expect(task(h.state, "visit")).toMatchObject({
      status: "done",
      doneBy: "event",
      doneWith: { kind: "visit", id: visitId },
      closedBy: "adviser-1",
      closedAt: "2025-12-18T12:00:00.000Z",
    });
    h.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "breakdown", evidence: "No governors" }],
      people,
    });
    expect(task(h.state, "letter")).toMatchObject({
      status: "done",
      doneBy: "event",
      doneWith: { kind: "letter", id: h.state.letters[0]?.id },
    });
    h.run(...adviser, {
      type: "record-meeting",
      meetingType: "review-group",
      date: "2025-12-18",
      attendees: ["adviser-1"],
      minutes: "Met.",
      keyPoints: ["Plan agreed"],
      progress: "insufficient",
    });
    expect(task(h.state, "review")).toMatchObject({ status: "done", doneWith: { kind: "meeting" } });
    expect(task(h.state, "tell").status).toBe("open");
    expect(task(h.state, "plan").status).toBe("open");
  });

  it("by a visit of its type recorded, and never by one of another type", () => {
    const policy = policyWithFollowUps();
    policy.visitTypes.push({ ...policy.visitTypes[0]!, key: "other-visit", label: "Other visit" });
    const h = openCase(policy);
    h.run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-12-15" });
    h.at("2025-12-17").run(...senior, { type: "change-stage", stage: "notice", reason: "Concerns" });
    h.run(...adviser, { type: "schedule-visit", visitType: "other-visit", date: "2025-12-18" });
    expect(task(h.state, "visit").status).toBe("open");
    const visitId = h.state.visits[0]?.id ?? "";
    h.run(...adviser, { type: "record-visit", visitId, data: { summary: "Seen." }, concerns: true });
    expect(task(h.state, "visit")).toMatchObject({ status: "done", doneWith: { kind: "visit", id: visitId } });
  });

  it("by hand, with an optional note, by one of its roles or someone who may update the case", () => {
    const h = inNotice();
    const plan = task(h.state, "plan");
    h.run(...adviser, { type: "complete-task", taskId: plan.id, note: "  Agreed with the head  " });
    expect(task(h.state, "plan")).toMatchObject({
      status: "done",
      doneBy: "hand",
      note: "Agreed with the head",
      closedBy: "adviser-1",
    });
    const tell = task(h.state, "tell");
    expect(h.refuse(...adviser, { type: "complete-task", taskId: tell.id })).toMatchObject({ code: "forbidden" });
    // To school staff there are no tasks, whatever their roles allow.
    expect(h.refuse(...head, { type: "complete-task", taskId: tell.id })).toMatchObject({ code: "not-found" });
    h.run(...senior, { type: "complete-task", taskId: tell.id });
    expect(task(h.state, "tell")).toMatchObject({ status: "done", doneBy: "hand", closedBy: "senior-1" });
    expect(task(h.state, "tell").note).toBeUndefined();
    expect(h.refuse(...senior, { type: "complete-task", taskId: tell.id })).toMatchObject({
      code: "conflict",
      message: '"Tell the headteacher" is already done.',
    });
    expect(h.refuse(...senior, { type: "complete-task", taskId: "nope" })).toMatchObject({
      code: "not-found",
      pointer: "/taskId",
    });
  });
});

describe("a task is dismissed", () => {
  it("only with a reason, and is then closed to completion", () => {
    const h = inNotice();
    const review = task(h.state, "review");
    expect(h.refuse(...senior, { type: "dismiss-task", taskId: review.id, reason: "  " })).toMatchObject({
      code: "invalid",
      pointer: "/reason",
      message: "Give a reason for dismissing the task.",
    });
    h.run(...senior, { type: "dismiss-task", taskId: review.id, reason: "The review group met last week" });
    expect(task(h.state, "review")).toMatchObject({
      status: "dismissed",
      note: "The review group met last week",
      closedBy: "senior-1",
    });
    expect(h.refuse(...senior, { type: "complete-task", taskId: review.id }).message).toBe(
      '"Hold a review group" is already dismissed.',
    );
    h.run(...adviser, {
      type: "record-meeting",
      meetingType: "review-group",
      date: "2025-12-18",
      attendees: ["adviser-1"],
      minutes: "Met.",
      keyPoints: ["One"],
      progress: "strong",
    });
    expect(task(h.state, "review").status).toBe("dismissed");
  });
});

describe("a task's standing on a day", () => {
  it("is due until its day has passed, then overdue; done and dismissed whatever the day", () => {
    const h = inNotice();
    const tell = task(h.state, "tell");
    expect(getTaskStatus(tell, "2025-12-19")).toBe("due");
    expect(getTaskStatus(tell, "2025-12-20")).toBe("overdue");
    expect(getTaskStatus(task(h.state, "plan"), "2030-01-01")).toBe("due");
    h.run(...senior, { type: "complete-task", taskId: tell.id });
    expect(getTaskStatus(task(h.state, "tell"), "2026-06-01")).toBe("done");
  });
});
