import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";
import { containing } from "./testing/matchers.ts";

let database: StewardDatabase;
let world: TestWorld;
let caseId: string;
let senior: TestClient;
let adviser: TestClient;
let head: TestClient;

const STAGE = "significant-concerns";

/** Cambridgeshire's policy (a clone) whose significant-concerns stage starts three follow-ups. */
function withFollowUps(key: "cambridgeshire" | "lincolnshire", policy: PolicyDocument): PolicyDocument {
  if (key !== "cambridgeshire") return policy;
  const stage = policy.escalation.stages.find((s) => s.key === STAGE);
  if (!stage) throw new Error(`Cambridgeshire has a ${STAGE} stage.`);
  stage.followUps = [
    {
      key: "visit",
      kind: "visit",
      label: "Visit the school",
      visitType: "school-improvement-adviser-visit",
      within: { amount: 10, unit: "working-days" },
      roles: ["school-improvement-adviser"],
    },
    {
      key: "tell-head",
      kind: "notify",
      label: "Tell the headteacher",
      notify: [{ role: "headteacher" }],
      within: { amount: 2, unit: "working-days" },
    },
    { key: "brief", kind: "task", label: "Brief the director of education" },
  ];
  return policy;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "tasks", withFollowUps);
  senior = await world.as("cambridgeshire", "la-senior-officer");
  adviser = await world.as("cambridgeshire", "school-improvement-adviser");
  head = await world.as("cambridgeshire", "headteacher");
  caseId = (await senior.api.cases.open({ urn: world.tenants.cambridgeshire.schools[0]!.urn })).caseId;
  const moved = await senior.api.cases.changeStage({
    caseId,
    stage: STAGE,
    transition: "significant-concerns-escalated-by-officer",
    reason: "Safeguarding concerns",
  });
  expect(moved.events).toEqual(["stage-changed", "tasks-started"]);
});
afterAll(async () => database?.close());

const taskIn = async (client: TestClient, label: string) => {
  const task = (await client.api.cases.get({ caseId })).tasks.find((t) => t.label === label);
  if (!task) throw new Error(`No task "${label}".`);
  return task;
};

describe("tasks from a stage's follow-ups", () => {
  it("shows LA staff the stage's tasks, due in working days, soonest first, with the timeline line", async () => {
    const view = await senior.api.cases.get({ caseId });
    expect(view.tasks.map((t) => [t.label, t.kind, t.due, t.status, t.canClose])).toEqual([
      ["Tell the headteacher", "notify", "2021-10-06", "due", true],
      ["Visit the school", "visit", "2021-10-18", "due", true],
      ["Brief the director of education", "task", undefined, "due", true],
    ]);
    expect(view.tasks[0]).toMatchObject({
      stage: { key: STAGE, label: expect.any(String) as string },
      notify: ["Headteacher"],
    });
    expect(view.tasks[1]?.awaits).toEqual({
      key: "school-improvement-adviser-visit",
      label: "School Improvement Adviser visit",
    });
    expect(view.timeline.map((l) => l.summary)).toContainEqual(
      expect.stringMatching(/started: Visit the school; Tell the headteacher; Brief the director of education$/),
    );
    // The adviser may close only the task naming their role.
    const adviserView = await adviser.api.cases.get({ caseId });
    expect(adviserView.tasks.map((t) => [t.label, t.canClose])).toEqual([
      ["Tell the headteacher", false],
      ["Visit the school", true],
      ["Brief the director of education", false],
    ]);
  });

  it("never shows school staff a task or its timeline line, and refuses them as if there were none", async () => {
    const view = await head.api.cases.get({ caseId });
    expect(view.tasks).toEqual([]);
    expect(view.timeline.map((l) => l.type)).not.toContain("tasks-started");
    const { id } = await taskIn(senior, "Brief the director of education");
    await expect(head.api.tasks.complete({ caseId, taskId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("marks the visit task done when a visit of its type is scheduled", async () => {
    await adviser.api.visits.schedule({
      caseId,
      visitType: "school-improvement-adviser-visit",
      date: "2021-10-12",
    });
    expect(await taskIn(senior, "Visit the school")).toMatchObject({
      status: "done",
      doneBy: "event",
      closedBy: "School Improvement Adviser",
      canClose: false,
    });
  });

  it("refuses the adviser a task outside their roles; the senior officer marks it done, and dismisses another only with a reason", async () => {
    const tell = await taskIn(senior, "Tell the headteacher");
    await expect(adviser.api.tasks.complete({ caseId, taskId: tell.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await senior.api.tasks.complete({ caseId, taskId: tell.id, note: "Phoned on Monday" });
    expect(await taskIn(senior, "Tell the headteacher")).toMatchObject({
      status: "done",
      doneBy: "hand",
      note: "Phoned on Monday",
      closedBy: "LA senior officer",
    });
    const brief = await taskIn(senior, "Brief the director of education");
    await expect(senior.api.tasks.dismiss({ caseId, taskId: brief.id, reason: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: containing("Enter a reason for dismissing the task"),
    });
    await world.at("2021-10-05T09:00:00Z", senior);
    await senior.api.tasks.dismiss({ caseId, taskId: brief.id, reason: "The director chaired the meeting" });
    const view = await senior.api.cases.get({ caseId });
    expect(view.tasks.map((t) => t.status)).toEqual(["dismissed", "done", "done"]);
    expect(view.tasks[0]).toMatchObject({ note: "The director chaired the meeting", closedBy: "LA senior officer" });
    expect(view.timeline.map((l) => l.summary)).toEqual(
      expect.arrayContaining([
        "Task done: Tell the headteacher (Phoned on Monday)",
        "Task dismissed: Brief the director of education: The director chaired the meeting",
      ]),
    );
    await expect(senior.api.tasks.complete({ caseId, taskId: brief.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("flags an open task overdue once its due day has passed", async () => {
    const other = (await senior.api.cases.open({ urn: world.tenants.cambridgeshire.schools[1]!.urn })).caseId;
    await senior.api.cases.changeStage({ caseId: other, stage: STAGE, reason: "Concerns" });
    const standing = async () => (await senior.api.cases.get({ caseId: other })).tasks.map((t) => t.status);
    expect(await standing()).toEqual(["due", "due", "due"]);
    await world.at("2021-10-08T09:00:00Z", senior);
    expect(await standing()).toEqual(["overdue", "due", "due"]);
  });
});
