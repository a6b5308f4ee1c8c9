import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { withTenant, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { Ajv2020 } from "@steward/policy-config";

import { sampleFromSchema } from "./demo/sample-data.ts";
import { abilityOf } from "./services/abilities.ts";
import { loadPolicyVersion, loadPublishedPolicy } from "./services/policies.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

// What a request costs beyond its SQL: a published version is read, checked
// and compiled once and shared by requests; nothing a request builds from it is
// rebuilt per call.

let database: StewardDatabase;
let world: TestWorld;
let adviser: TestClient;
let senior: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "costs");
  adviser = await world.as("cambridgeshire", "school-improvement-adviser");
  senior = await world.as("cambridgeshire", "la-senior-officer");
});

afterAll(async () => {
  await database.close();
});

afterEach(() => vi.restoreAllMocks());

/** A case of the tenant's school with one visit scheduled by the adviser. */
async function scheduledVisit(schoolIndex: number) {
  const t = world.tenants.cambridgeshire;
  const { caseId } = await senior.api.cases.open({ urn: t.schools[schoolIndex]!.urn });
  await adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-10-04" });
  const view = await adviser.api.cases.get({ caseId });
  return { caseId, visitId: view.visits[0]!.id };
}

describe("recording a visit", () => {
  it("compiles the report form's schema at most once: a second record, in another request on another case, compiles nothing", async () => {
    const first = await scheduledVisit(0);
    const second = await scheduledVisit(1);
    const form = world.tenants.cambridgeshire.policy.forms.find((f) => f.key === "visit-report")!;
    const data = sampleFromSchema(form.schema, { date: "2021-10-04" }) as Record<string, unknown>;
    const compile = vi.spyOn(Ajv2020.prototype, "compile");

    await adviser.api.visits.record({ ...first, data, concerns: false });
    // The first visit recorded under this version compiles its form (and shows the spy sees compiles).
    const afterFirst = compile.mock.calls.length;
    expect(afterFirst).toBe(1);
    await adviser.api.visits.record({ ...second, data, concerns: false });
    expect(compile.mock.calls.length).toBe(afterFirst);

    // Both were really checked and recorded.
    for (const visit of [first, second]) {
      const view = await adviser.api.cases.get({ caseId: visit.caseId });
      expect(view.visits[0]!.status).toBe("completed");
    }
  });
});

describe("a published policy version", () => {
  it("is one object shared by requests, kept per tenant: another tenant's version id reads as nothing", async () => {
    const cambs = world.tenants.cambridgeshire;
    const lincs = world.tenants.lincolnshire;
    const read = (tenantId: string) => withTenant(database.db, tenantId, (trx) => loadPublishedPolicy(trx));
    const once = await read(cambs.tenant.id);
    const again = await read(cambs.tenant.id);
    expect(once?.document).toBeDefined();
    expect(again?.document).toBe(once?.document);
    // Lincolnshire's version is in the cache now; Cambridgeshire still cannot read it by its id.
    const other = await read(lincs.tenant.id);
    expect(other?.id).toBe(lincs.policyVersionId);
    const crossed = await withTenant(database.db, cambs.tenant.id, (trx) =>
      loadPolicyVersion(trx, cambs.tenant.id, lincs.policyVersionId),
    );
    expect(crossed).toBeUndefined();
  });

  it("in force changes on publish: the next request reads the new version", async () => {
    const t = world.tenants.lincolnshire;
    const admin = await world.as("lincolnshire", "policy-administrator");
    const before = await withTenant(database.db, t.tenant.id, (trx) => loadPublishedPolicy(trx));
    expect(before?.id).toBe(t.policyVersionId);

    const draft = await admin.api.policy.createDraft({ from: "version", versionId: t.policyVersionId });
    await admin.api.policy.publish({ id: draft.id, revision: draft.revision });
    t.policyVersionId = draft.id;

    const after = await withTenant(database.db, t.tenant.id, (trx) => loadPublishedPolicy(trx));
    expect(after?.id).toBe(draft.id);
    expect(after?.document).not.toBe(before?.document);
  });
});

describe("a user's ability", () => {
  it("is built once per tenant, user, grants and version, and afresh when the grants or the version change", async () => {
    const t = world.tenants.cambridgeshire;
    const policy = await withTenant(database.db, t.tenant.id, (trx) => loadPublishedPolicy(trx));
    if (!policy) throw new Error("Cambridgeshire has a published policy.");
    const user = { id: "00000000-0000-4000-8000-000000000001", tenantId: t.tenant.id };
    const adviserGrants = [{ role: "school-improvement-adviser" }];

    const ability = abilityOf(policy, { ...user, grants: adviserGrants });
    expect(abilityOf(policy, { ...user, grants: [{ role: "school-improvement-adviser" }] })).toBe(ability);

    const promoted = abilityOf(policy, { ...user, grants: [...adviserGrants, { role: "la-senior-officer" }] });
    expect(promoted).not.toBe(ability);
    expect(promoted.ability.can("assign", "Case")).toBe(true);
    expect(ability.ability.can("assign", "Case")).toBe(false);

    const republished = { ...policy, id: "00000000-0000-4000-8000-000000000002" };
    expect(abilityOf(republished, { ...user, grants: adviserGrants })).not.toBe(ability);
    expect(abilityOf(policy, { ...user, id: "00000000-0000-4000-8000-000000000003", grants: adviserGrants })).not.toBe(
      ability,
    );
  });

  it("under a version without one of the user's roles grants what their other roles grant, and is kept too", async () => {
    const t = world.tenants.cambridgeshire;
    const policy = await withTenant(database.db, t.tenant.id, (trx) => loadPublishedPolicy(trx));
    if (!policy) throw new Error("Cambridgeshire has a published policy.");
    const user = { id: "00000000-0000-4000-8000-000000000004", tenantId: t.tenant.id };
    const grants = [{ role: "a-role-since-removed" }, { role: "la-senior-officer" }];
    const ability = abilityOf(policy, { ...user, grants });
    expect(ability.ability.can("assign", "Case")).toBe(true);
    expect(abilityOf(policy, { ...user, grants })).toBe(ability);
  });
});
