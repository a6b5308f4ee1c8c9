// Westmarch, a made-up authority: entering intensive support starts four
// follow-ups (an investigation visit, telling the school's leaders, the first
// steering group, the support plan). They become tasks on the case, due on the
// school calendar, done by the visit and the meeting themselves or by hand.
import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import westmarch from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };

import { getTaskStatus } from "../case/tasks.ts";
import { CaseHarness } from "../testing/harness.ts";

// The fixture is checked by policy-config's own tests; JSON imports are typed loosely.
const policy = westmarch as unknown as PolicyDocument;
const URN = 991001;
const school = { urn: URN, name: "Westmarch Park Primary School", phase: "primary", governance: "maintained" as const };
const service = ["hos-1", [{ role: "head-of-service" }]] as const;
const adviser = ["ca-1", [{ role: "challenge-adviser" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: URN }]] as const;

/** A case moved into intensive support by the head of service on Monday 12 October 2026. */
function intensive() {
  const h = new CaseHarness(policy, "2026-09-07T09:00:00Z", "westmarch-2026-27");
  h.run(...service, { type: "open-case", school });
  h.at("2026-10-12").run(...service, {
    type: "change-stage",
    stage: "intensive",
    reason: "Outcomes fell sharply and the head has resigned",
  });
  return h;
}

const taskFor = (h: CaseHarness, followUp: string) => {
  const task = h.state.tasks.findLast((t) => t.followUp === followUp);
  if (!task) throw new Error(`No task for ${followUp}.`);
  return task;
};

describe("Westmarch: entering intensive support", () => {
  it("starts no tasks at the universal stage, and the four follow-ups on entering intensive support", () => {
    const h = intensive();
    expect(h.events.map((e) => e.type)).toEqual(["case-opened", "stage-changed", "tasks-started"]);
    expect(h.state.tasks.map((t) => [t.followUp, t.kind, t.due])).toEqual([
      ["investigate", "visit", "2026-10-26"], // 10 working days
      ["notify-leaders", "notify", "2026-10-14"], // 2 working days
      ["steering-group", "meeting", "2026-11-09"], // 4 weeks
      ["support-plan", "task", "2026-11-17"], // 20 school days, over the half-term holiday
    ]);
    expect(taskFor(h, "notify-leaders").notify).toEqual([
      { role: "headteacher" },
      { role: "chair-of-governors" },
      { role: "clerk-to-governors" },
    ]);
  });

  it("has the investigation done by scheduling the visit and the steering group by holding it", () => {
    const h = intensive();
    h.at("2026-10-13").run(...adviser, {
      type: "schedule-visit",
      visitType: "investigation-visit",
      date: "2026-10-20",
    });
    expect(taskFor(h, "investigate")).toMatchObject({ status: "done", doneBy: "event", closedBy: "ca-1" });
    h.run(...adviser, {
      type: "record-meeting",
      meetingType: "steering-group",
      date: "2026-11-02",
      attendees: ["hos-1", "ca-1"],
      minutes: "Agreed the first priorities.",
      keyPoints: ["Reading across the school"],
      progress: "weak",
    });
    expect(taskFor(h, "steering-group")).toMatchObject({ status: "done", doneWith: { kind: "meeting" } });
    expect(getTaskStatus(taskFor(h, "notify-leaders"), "2026-10-15")).toBe("overdue");
  });

  it("lets the head of service mark the notification done; the adviser and the school may not", () => {
    const h = intensive();
    const notify = taskFor(h, "notify-leaders");
    expect(h.refuse(...adviser, { type: "complete-task", taskId: notify.id }).code).toBe("forbidden");
    expect(h.refuse(...head, { type: "complete-task", taskId: notify.id }).code).toBe("not-found");
    h.run(...service, { type: "complete-task", taskId: notify.id, note: "Letters sent on the 13th" });
    expect(taskFor(h, "notify-leaders")).toMatchObject({
      status: "done",
      doneBy: "hand",
      note: "Letters sent on the 13th",
    });
    const plan = taskFor(h, "support-plan");
    expect(h.refuse(...service, { type: "dismiss-task", taskId: plan.id, reason: "" }).pointer).toBe("/reason");
    h.run(...service, { type: "dismiss-task", taskId: plan.id, reason: "The trust's plan covers it" });
    expect(taskFor(h, "support-plan")).toMatchObject({ status: "dismissed", note: "The trust's plan covers it" });
  });

  it("keeps open tasks open after the case leaves the stage, and starts a new set when it returns", () => {
    const h = intensive();
    h.at("2026-11-20").run(...service, {
      type: "change-stage",
      stage: "universal",
      transition: "leave-intensive",
      reason: "Rapid progress",
    });
    expect(h.state.tasks.map((t) => t.status)).toEqual(["open", "open", "open", "open"]);
    h.at("2027-01-11").run(...service, { type: "change-stage", stage: "intensive", reason: "Progress stalled" });
    expect(h.state.tasks).toHaveLength(8);
    expect(taskFor(h, "investigate").due).toBe("2027-01-25");
  });
});
