// The inbox: a case's open work, projected into `tasks` by every write to the case and by the daily check, shown to
// the people it is for, on cases they may read, and never a count more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";

import { runDailyCheck } from "./services/daily-check.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let caseId: string;
let senior: TestClient;
let adviser: TestClient;
let director: TestClient;
let head: TestClient;
let otherHead: TestClient;
let specialist: TestClient;
let lincsOfficer: TestClient;

/** Cambridgeshire's first stage starts two follow-ups: one for the case's officer, one for a role that cannot read cases. */
function withFollowUps(key: "cambridgeshire" | "lincolnshire", policy: PolicyDocument): PolicyDocument {
  if (key !== "cambridgeshire") return policy;
  const stage = policy.escalation.stages.find((s) => s.key === policy.escalation.initialStage);
  if (!stage) throw new Error("Cambridgeshire has an initial stage.");
  stage.followUps = [
    { key: "meet", kind: "task", label: "Meet the headteacher", within: { amount: 5, unit: "working-days" } },
    { key: "specialist", kind: "task", label: "Offer specialist support", roles: ["specialist-adviser"] },
  ];
  return policy;
}

const labels = async (client: TestClient) =>
  (await client.api.tasks.mine()).groups.flatMap((g) => g.items.map((i) => i.label));

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "inbox", withFollowUps);
  senior = await world.as("cambridgeshire", "la-senior-officer");
  adviser = await world.as("cambridgeshire", "school-improvement-adviser");
  director = await world.as("cambridgeshire", "director-of-education");
  head = await world.as("cambridgeshire", "headteacher");
  otherHead = await world.as("cambridgeshire", "other-headteacher");
  specialist = await world.as("cambridgeshire", "specialist-adviser");
  lincsOfficer = await world.as("lincolnshire", "head-of-school-standards");
  caseId = (await senior.api.cases.open({ urn: world.tenants.cambridgeshire.schools[0]!.urn })).caseId;
});
afterAll(async () => database?.close());

describe("the inbox", () => {
  it("gives a new case's follow-ups to those who assign cases until it has an officer, then to the officer", async () => {
    expect(await labels(senior)).toEqual(["Meet the headteacher"]);
    expect(await labels(adviser)).toEqual([]);
    const officers = await senior.api.users.list({ officersOnly: true });
    const sia = officers.find((o) => o.grants.some((g) => g.role === "school-improvement-adviser"))!;
    await senior.api.cases.assign({ caseId, officerId: sia.id });
    const mine = await adviser.api.tasks.mine();
    expect(mine.groups.map((g) => [g.label, g.items.map((i) => [i.label, i.due, i.caseId, i.record.kind])])).toEqual([
      // Due next Monday: after this week (Monday 4 October 2021 to Sunday 10 October).
      ["Due later", [["Meet the headteacher", "2021-10-11", caseId, "task"]]],
    ]);
    expect(await adviser.api.tasks.counts()).toEqual({ overdue: 0, today: 0, week: 0, total: 1 });
    expect(await labels(senior)).toEqual([]);
  });

  it("never shows a task or a count of a case the assignee may not read", async () => {
    expect(await specialist.api.tasks.mine()).toMatchObject({ total: 0, groups: [] });
    expect(await specialist.api.tasks.counts()).toEqual({ overdue: 0, today: 0, week: 0, total: 0 });
  });

  it("moves the work on as it is done: a letter to approve, then to issue, then the school's acknowledgement", async () => {
    const { letterId } = await senior.api.letters.draft({
      caseId,
      letterType: "warning-notice",
      indicators: [
        {
          key: (await senior.api.letters.eligible({ caseId })).find((l) => l.key === "warning-notice")!.indicators[0]!
            .key,
          evidence: "Results",
        },
      ],
      actions: [{ text: "Present a costed improvement plan", due: "2021-11-19" }],
      recipient: { name: "Pat Chair" },
    });
    expect(await labels(director)).toEqual([expect.stringMatching(/^Approve the Warning notice/i)]);
    expect(await labels(senior)).toEqual([]);
    expect(await labels(head)).toEqual([]);
    await director.api.letters.approve({ caseId, letterId });
    expect(await labels(director)).toEqual([expect.stringMatching(/^Issue the Warning notice/i)]);
    await director.api.letters.issue({ caseId, letterId });
    expect(await labels(director)).toEqual([]);
    const schoolWork = await head.api.tasks.mine();
    expect(schoolWork.groups.flatMap((g) => g.items)).toEqual([
      expect.objectContaining({
        label: expect.stringMatching(/^Acknowledge the Warning notice/i) as string,
        audience: "school",
        record: { kind: "letter", id: letterId },
      }),
    ]);
    expect((await head.api.tasks.counts()).total).toBe(1);
    // The headteacher of another school, and the other authority's officers, see none of it, not even a count.
    expect((await otherHead.api.tasks.mine()).total).toBe(0);
    expect((await otherHead.api.tasks.counts()).total).toBe(0);
    expect((await lincsOfficer.api.tasks.mine()).total).toBe(0);
    expect((await lincsOfficer.api.tasks.counts()).total).toBe(0);
    await head.api.letters.acknowledge({ caseId, letterId });
    expect((await head.api.tasks.counts()).total).toBe(0);
  });

  it("shows the work overdue once its day has passed, and the daily check rewrites it the same way twice", async () => {
    await world.at("2021-10-13T09:00:00Z", adviser);
    expect((await adviser.api.tasks.mine()).groups.map((g) => [g.key, g.items.map((i) => i.label)])).toEqual([
      ["overdue", ["Meet the headteacher"]],
    ]);
    const tenantId = world.tenants.cambridgeshire.tenant.id;
    const before = await adviser.api.tasks.mine();
    await runDailyCheck(database.db, { tenantId, date: "2021-10-13", now: world.now });
    await runDailyCheck(database.db, { tenantId, date: "2021-10-13", now: world.now });
    expect(await adviser.api.tasks.mine()).toEqual(before);
  });

  it("shows those who assign cases the team's work by person, and refuses the team view to others", async () => {
    await world.at("2021-10-13T09:05:00Z", senior, adviser, lincsOfficer);
    const team = await senior.api.tasks.team();
    expect(team.people).toEqual([
      expect.objectContaining({ name: "School Improvement Adviser", overdue: 1 }),
      expect.objectContaining({ name: "Specialist Adviser (anyone with the role)", overdue: 0 }),
    ]);
    await expect(adviser.api.tasks.team()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(lincsOfficer.api.tasks.team()).resolves.toEqual({ today: "2021-10-13", people: [] });
  });

  it("takes a follow-up off the list once it is marked done", async () => {
    const tasks = (await senior.api.cases.get({ caseId })).tasks.filter((t) => t.status !== "done");
    for (const task of tasks) await senior.api.tasks.complete({ caseId, taskId: task.id });
    expect(await labels(adviser)).toEqual([]);
  });
});
