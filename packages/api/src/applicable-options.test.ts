// The apps offer only what applies to the case's school (`cases.options`, `forms.list` for a school), and what
// they offer is what the engine accepts: Cambridgeshire's academy route, Lincolnshire's academies (whose every
// category's visits are for maintained schools) and Westmarch (a made-up authority run in a second world) whose
// academies are in categories with no visits at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";
import westmarch from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;

/** What the client receives when the engine refuses: Steward's stable code and the field's pointer. */
const refusal = (error: unknown) => {
  const e = error as { stewardCode?: string; pointer?: string };
  return { stewardCode: e.stewardCode, pointer: e.pointer };
};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "applies");
});
afterAll(async () => database?.close());

describe("Cambridgeshire: an academy is offered the academy route only", () => {
  let senior: TestClient;
  let primaryCase: string;
  let academyCase: string;

  beforeAll(async () => {
    senior = await world.as("cambridgeshire", "la-senior-officer");
    const [primary, , academy] = world.tenants.cambridgeshire.schools;
    primaryCase = (await senior.api.cases.open({ urn: primary!.urn })).caseId;
    academyCase = (await senior.api.cases.open({ urn: academy!.urn })).caseId;
  });

  it("offers each school the letters, meetings, visits, stages and transitions that apply to it", async () => {
    const forAcademy = await senior.api.cases.options({ caseId: academyCase });
    const forPrimary = await senior.api.cases.options({ caseId: primaryCase });
    expect(forAcademy.letterTypes).toContain("academy-concerns-letter");
    expect(forAcademy.letterTypes).not.toContain("warning-notice");
    expect(forPrimary.letterTypes).toContain("warning-notice");
    expect(forPrimary.letterTypes).not.toContain("academy-concerns-letter");
    expect(forAcademy.meetingTypes).toContain("academy-concerns-meeting");
    expect(forAcademy.meetingTypes).not.toContain("laig");
    expect(forAcademy.visitTypes).not.toContain("direct-monitoring-visit");
    expect(forPrimary.visitTypes).toContain("direct-monitoring-visit");
    expect(forAcademy.stages).toContain("academy-concerns-meeting");
    expect(forAcademy.stages).not.toContain("intervention-and-support");
    expect(forAcademy.stages).not.toContain("support-and-challenge"); // the stage it is in
    expect(forAcademy.transitions).toEqual(["academy-concerns-raised"]);
    expect(forPrimary.transitions).not.toContain("academy-concerns-raised");
    expect(forAcademy.forms).not.toContain("laig-minutes");
  });

  it("accepts what it offers and refuses what it leaves out as not applicable", async () => {
    const refused = await senior.api.cases
      .changeStage({ caseId: academyCase, stage: "intervention-and-support", reason: "Concerns" })
      .catch((e: unknown) => e);
    expect(refusal(refused)).toEqual({ stewardCode: "not-applicable", pointer: "/stage" });
    const notice = await senior.api.letters
      .draft({
        caseId: academyCase,
        letterType: "warning-notice",
        indicators: [{ key: "below-floor-standard", evidence: "Results" }],
      })
      .catch((e: unknown) => e);
    expect(refusal(notice)).toEqual({ stewardCode: "not-applicable", pointer: "/letterType" });
    const { transitions } = await senior.api.cases.options({ caseId: academyCase });
    for (const key of transitions) {
      const transition = world.tenants.cambridgeshire.policy.escalation.transitions.find((t) => t.key === key);
      await senior.api.cases.changeStage({ caseId: academyCase, stage: transition!.to, transition: key, reason: "R" });
    }
    expect((await senior.api.cases.get({ caseId: academyCase })).stage?.key).toBe("academy-concerns-meeting");
    // From the new stage, the options follow the case.
    expect((await senior.api.cases.options({ caseId: academyCase })).transitions).toContain(
      "academy-concerns-resolved-informally",
    );
  });

  it("offers a transition only to the roles that may make it", async () => {
    const adviser = await world.as("cambridgeshire", "school-improvement-adviser");
    expect((await adviser.api.cases.options({ caseId: primaryCase })).transitions).toEqual([]);
  });
});

describe("Lincolnshire: an academy's category plans no LA visits", () => {
  let head: TestClient;
  let primaryCase: string;
  let academyCase: string;

  beforeAll(async () => {
    head = await world.as("lincolnshire", "head-of-school-standards");
    const [primary, , academy] = world.tenants.lincolnshire.schools;
    primaryCase = (await head.api.cases.open({ urn: primary!.urn })).caseId;
    academyCase = (await head.api.cases.open({ urn: academy!.urn })).caseId;
    for (const caseId of [primaryCase, academyCase])
      await head.api.assessments.decide({ caseId, category: "vulnerable", effectiveFrom: "2021-10-04" });
  });

  it("gives no plan and nothing due, says so, and the dashboard never shows it overdue", async () => {
    const academy = await head.api.cases.get({ caseId: academyCase });
    expect(academy.category?.key).toBe("vulnerable");
    expect(academy.visitPlan).toEqual([]);
    expect(academy.noVisits).toBe(true);
    const primary = await head.api.cases.get({ caseId: primaryCase });
    expect(primary.visitPlan.length).toBeGreaterThan(0);
    expect(primary.noVisits).toBe(false);
    await world.at("2022-06-01T09:00:00Z", head);
    const list = await head.api.cases.list({ status: "open" });
    expect(list.items.find((i) => i.id === academyCase)).toMatchObject({ nextVisitDue: null, overdue: false });
    expect(list.items.find((i) => i.id === primaryCase)).toMatchObject({ overdue: true });
    await head.api.cases.summary({});
    await world.at("2021-10-04T09:00:00Z", head);
  });

  it("offers the academy no visit types, meetings or stages of the maintained route", async () => {
    const options = await head.api.cases.options({ caseId: academyCase });
    expect(options).toMatchObject({ visitTypes: [], stages: ["engagement-with-academies-protocol"] });
    expect(options.meetingTypes).toEqual(["rsc-and-ofsted-liaison"]);
    expect(options.letterTypes).not.toContain("pre-warning-notice");
  });

  it("lists for a school only the forms that apply to it, and refuses to start another", async () => {
    const [primary, , academy] = world.tenants.lincolnshire.schools;
    const keys = async (client: TestClient, urn: number) =>
      (await client.api.forms.list({ schoolUrn: urn })).forms.map((f) => f.key);
    const teacher = await world.as("lincolnshire", "headteacher");
    expect(await keys(teacher, primary!.urn)).toEqual(["school-self-evaluation", "intervention-funding-form"]);
    expect(await keys(head, academy!.urn)).toEqual(["school-self-evaluation"]);
    expect(await keys(head, primary!.urn)).toContain("statement-of-action");
    const started = await head.api.forms
      .save({ formKey: "intervention-funding-form", schoolUrn: academy!.urn, data: {} })
      .catch((e: unknown) => e);
    expect(refusal(started)).toEqual({ stewardCode: "not-applicable", pointer: "/formKey" });
    await head.api.forms.save({ formKey: "intervention-funding-form", schoolUrn: primary!.urn, data: {} });
  });

  it("gives school staff only what the policy shows them", async () => {
    const teacher = await world.as("lincolnshire", "headteacher");
    const options = await teacher.api.cases.options({ caseId: primaryCase });
    expect(options).toMatchObject({ letterTypes: [], meetingTypes: [], transitions: [] });
    expect(options.forms).toEqual(["school-self-evaluation", "intervention-funding-form"]);
  });
});

describe("Westmarch: academy categories with no visits at all", () => {
  let wm: TestWorld;
  let head: TestClient;
  let academyCase: string;

  beforeAll(async () => {
    wm = await TestWorld.create(database, "applies-wm", (key, policy) =>
      key === "lincolnshire" ? (structuredClone(westmarch) as PolicyDocument) : policy,
    );
    head = await wm.as("lincolnshire", "head-of-service");
    await wm.at("2026-01-12T09:00:00Z", head);
    academyCase = (await head.api.cases.open({ urn: wm.tenants.lincolnshire.schools[2]!.urn })).caseId;
  });

  it("offers an academy only the academy categories; one with no visits has no plan", async () => {
    expect((await head.api.cases.options({ caseId: academyCase })).categories).toEqual([
      "academy-monitored",
      "academy-concern",
    ]);
    const green = await head.api.assessments
      .decide({ caseId: academyCase, category: "green", effectiveFrom: "2026-01-12" })
      .catch((e: unknown) => e);
    expect(refusal(green)).toEqual({ stewardCode: "not-applicable", pointer: "/category" });
    await head.api.assessments.decide({
      caseId: academyCase,
      category: "academy-monitored",
      effectiveFrom: "2026-01-12",
    });
    expect(await head.api.cases.get({ caseId: academyCase })).toMatchObject({ visitPlan: [], noVisits: true });
  });
});
