import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { publishPolicyVersion, withTenant, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { provisionSchools } from "./services/provision.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "batches");
});
afterAll(async () => database?.close());

/** The open cases of Cambridgeshire by the policy version they are under. */
async function casesByVersion(): Promise<Record<string, number>> {
  const { tenant } = world.tenants.cambridgeshire;
  const rows = await withTenant(database.db, tenant.id, (trx) =>
    trx
      .selectFrom("cases")
      .select(["policy_version_id", (eb) => eb.fn.countAll<number>().as("count")])
      .where("status", "=", "open")
      .groupBy("policy_version_id")
      .execute(),
  );
  return Object.fromEntries(rows.map((r) => [r.policy_version_id, Number(r.count)]));
}

const CASES = 250;

describe("publishing a version moves every open case, in batches", () => {
  let senior: TestClient;
  let admin: TestClient;
  const caseIds: string[] = [];

  beforeAll(async () => {
    const cambs = world.tenants.cambridgeshire;
    const first = cambs.schools[0]!;
    await provisionSchools(
      database.db,
      cambs.tenant.id,
      Array.from({ length: CASES - cambs.schools.length }, (_, i) => ({
        ...first,
        urn: first.urn + 100_000 + i,
        name: `Batch School ${i + 1}`,
      })),
    );
    senior = await world.as("cambridgeshire", "la-senior-officer");
    admin = await world.as("cambridgeshire", "policy-administrator");
    const urns = [
      ...cambs.schools.map((s) => s.urn),
      ...Array.from({ length: CASES - 3 }, (_, i) => first.urn + 100_000 + i),
    ];
    for (const urn of urns) caseIds.push((await senior.api.cases.open({ urn })).caseId);
    // Some cases in a category the new version maps to another.
    for (const caseId of caseIds.slice(0, 5))
      await senior.api.assessments.decide({
        caseId,
        category: "medium-support",
        effectiveFrom: "2021-10-04",
        rationale: "As the evidence shows",
      });
  });

  it(`moves all ${CASES} cases, and its answer says so`, async () => {
    const cambs = world.tenants.cambridgeshire;
    const draft = await admin.api.policy.createDraft({ from: "version", versionId: cambs.policyVersionId });
    const mapping = { categories: { "medium-support": "high-support" } };
    const published = await admin.api.policy.publish({ id: draft.id, revision: draft.revision, mapping });
    expect(published.moves).toEqual({ moved: CASES, failed: [] });
    expect(published.impact.cases).toHaveLength(CASES);
    expect(await casesByVersion()).toEqual({ [draft.id]: CASES });
    const moved = await senior.api.cases.get({ caseId: caseIds[0]! });
    expect(moved.category?.key).toBe("high-support");
    expect(moved.timeline.map((t) => t.summary)).toContain("Moved to a new policy version");
    cambs.policyVersionId = draft.id;
  });

  it("a case a publish did not reach moves at its next command, by the mapping it was published with", async () => {
    const cambs = world.tenants.cambridgeshire;
    const draft = await admin.api.policy.createDraft({ from: "version", versionId: cambs.policyVersionId });
    // The publish stops right after switching the version (a crash): no case has moved.
    await withTenant(database.db, cambs.tenant.id, (trx) =>
      publishPolicyVersion(trx, draft.id, null, new Date(), { categories: { "high-support": "medium-support" } }),
    );
    expect(await casesByVersion()).toEqual({ [cambs.policyVersionId]: CASES });

    const [first, second] = caseIds;
    const [officer] = await senior.api.users.list({ officersOnly: true });
    await senior.api.cases.assign({ caseId: first!, officerId: officer!.id });
    const view = await senior.api.cases.get({ caseId: first! });
    expect(view.policyVersionId).toBe(draft.id);
    expect(view.category?.key).toBe("medium-support");
    // A case nobody touched is still where the publish left it until then...
    expect((await senior.api.cases.get({ caseId: second! })).policyVersionId).toBe(cambs.policyVersionId);

    // ...and the next publish moves every case still behind.
    const next = await admin.api.policy.createDraft({ from: "version", versionId: draft.id });
    const published = await admin.api.policy.publish({ id: next.id, revision: next.revision });
    expect(published.moves).toEqual({ moved: CASES, failed: [] });
    expect(await casesByVersion()).toEqual({ [next.id]: CASES });
    cambs.policyVersionId = next.id;
  });
});
