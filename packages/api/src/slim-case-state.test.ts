import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listCaseEventHeaders, withTenant, type StewardDatabase } from "@steward/db";
import { migrations, openTestDatabase } from "@steward/db/testing";

import { sampleFromSchema } from "./demo/sample-data.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "slim");
});
afterAll(async () => database?.close());

type StoredVisit = { id: string; report?: Record<string, unknown> };

/** The visits of a case's stored state, as the column holds them. */
async function storedVisits(caseId: string): Promise<StoredVisit[]> {
  const { tenant } = world.tenants.cambridgeshire;
  const row = await withTenant(database.db, tenant.id, (trx) =>
    trx.selectFrom("cases").select("state").where("id", "=", caseId).executeTakeFirstOrThrow(),
  );
  return (row.state as { visits: StoredVisit[] }).visits;
}

/** Puts a report body back into a case's stored state, as Steward stored it before bodies stayed in the events. */
async function storeFatReport(caseId: string, visitId: string, body: Record<string, unknown>) {
  const { tenant } = world.tenants.cambridgeshire;
  await withTenant(database.db, tenant.id, async (trx) => {
    const row = await trx.selectFrom("cases").select("state").where("id", "=", caseId).executeTakeFirstOrThrow();
    const state = row.state as { visits: StoredVisit[] };
    const visits = state.visits.map((v) => (v.id === visitId ? { ...v, report: { ...v.report, ...body } } : v));
    await trx
      .updateTable("cases")
      .set({ state: JSON.stringify({ ...state, visits }) })
      .where("id", "=", caseId)
      .execute();
  });
}

describe("a case's stored state keeps report headers; the bodies stay in the events", () => {
  let adviser: TestClient;
  let head: TestClient;
  let caseId: string;
  let visitId: string;
  let data: Record<string, unknown>;

  beforeAll(async () => {
    const cambs = world.tenants.cambridgeshire;
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    adviser = await world.as("cambridgeshire", "school-improvement-adviser");
    head = await world.as("cambridgeshire", "headteacher");
    ({ caseId } = await senior.api.cases.open({ urn: cambs.schools[0]!.urn }));
    await adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-10-14" });
    visitId = (await adviser.api.cases.get({ caseId })).visits[0]!.id;
    await world.at("2021-10-14T15:00:00Z", senior, adviser, head);
    const reportForm = cambs.policy.forms.find((f) => f.key === "visit-report")!;
    data = sampleFromSchema(reportForm.schema, { date: "2021-10-14" }) as Record<string, unknown>;
    await adviser.api.visits.record({ caseId, visitId, data, concerns: true, publish: false });
  });

  it("stores the report's header without its answers, and the case page still shows them to the LA", async () => {
    const [stored] = await storedVisits(caseId);
    expect(stored!.report).toMatchObject({ concerns: true, published: false });
    expect(stored!.report).not.toHaveProperty("data");
    expect(stored!.report).not.toHaveProperty("agendaNotes");

    const view = await adviser.api.cases.get({ caseId });
    expect(view.visits[0]!.report).toMatchObject({ data, agendaNotes: {}, concerns: true });
    expect(view.timeline.map((t) => t.summary)).toContainEqual(expect.stringMatching(/recorded \(concerns/));
  });

  it("the timeline reads event headers: the report's answers never leave the database for it", async () => {
    const { tenant } = world.tenants.cambridgeshire;
    const headers = await withTenant(database.db, tenant.id, (trx) => listCaseEventHeaders(trx, caseId));
    const recorded = headers.find((e) => e.type === "visit-recorded");
    expect(recorded?.payload).toEqual({ visitId, concerns: true, published: false });
    expect(headers.map((e) => e.type)).toEqual(expect.arrayContaining(["case-opened", "visit-scheduled"]));
  });

  it("never gives the body to a school user before it is published, and gives it on both pages after", async () => {
    let view = await head.api.cases.get({ caseId });
    expect(view.visits[0]).toMatchObject({ reportWithheld: true });
    expect(view.visits[0]!.report).toBeUndefined();
    const urn = world.tenants.cambridgeshire.schools[0]!.urn;
    let portal = await head.api.visits.listForSchool({ schoolUrn: urn });
    expect(JSON.stringify(portal)).not.toContain(JSON.stringify(data).slice(1, 40));

    await adviser.api.visits.publish({ caseId, visitId });
    view = await head.api.cases.get({ caseId });
    expect(view.visits[0]!.report?.data).toEqual(data);
    portal = await head.api.visits.listForSchool({ schoolUrn: urn });
    expect(portal.visits[0]!.report?.data).toEqual(data);
  });

  it("reads a state stored with bodies, shows the event's body, and writes it back slim at the next command", async () => {
    await storeFatReport(caseId, visitId, { data: { stale: "copy" }, agendaNotes: { x: "old" } });
    const view = await adviser.api.cases.get({ caseId });
    expect(view.visits[0]!.report?.data).toEqual(data);

    await adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-11-04" });
    const [stored] = await storedVisits(caseId);
    expect(stored!.report).not.toHaveProperty("data");
    expect(stored!.report).toMatchObject({ published: true });
  });

  it("the migration slims states stored with bodies and keeps their headers", async () => {
    await storeFatReport(caseId, visitId, { data: { stale: "copy" }, agendaNotes: { x: "old" } });
    expect((await storedVisits(caseId))[0]!.report).toHaveProperty("data");
    await migrations["20261215000100_slim_case_state"]!.up(database.db);
    const visits = await storedVisits(caseId);
    expect(visits[0]!.report).not.toHaveProperty("data");
    expect(visits[0]!.report).not.toHaveProperty("agendaNotes");
    expect(visits[0]!.report).toMatchObject({ concerns: true, published: true });
    expect(visits[1]).not.toHaveProperty("report");
    expect((await adviser.api.cases.get({ caseId })).visits[0]!.report?.data).toEqual(data);
  });
});
