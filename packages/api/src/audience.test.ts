import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { provisionUser } from "./services/provision.ts";
import { TEST_PASSWORD, TestWorld } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
const NO_ROLES = "no-roles@audience-cambridgeshire.test";

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "audience");
  await provisionUser(database.db, world.tenants.cambridgeshire.tenant.id, {
    email: NO_ROLES,
    displayName: "Nobody in particular",
    password: TEST_PASSWORD,
    grants: [],
  });
});
afterAll(async () => database?.close());

// "Which side is this user on" has one answer, the domain's audienceOf over the policy's role audiences:
// a user who holds no role gets the same answer from every procedure.
describe("a user with no roles", () => {
  it("is not LA staff anywhere: not to themselves, not in the officers list, not as a case's officer", async () => {
    const cambs = world.tenants.cambridgeshire;
    const nobody = await world.client().signIn(cambs.tenant.slug, NO_ROLES);
    const me = await nobody.api.auth.me();
    expect(me?.audience).toBe("school");
    expect(me?.roles).toEqual([]);
    expect(me?.can).toEqual([]);

    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const everyone = await senior.api.users.list({});
    const listed = everyone.find((u) => u.email === NO_ROLES);
    expect(listed?.grants).toEqual([]);
    const officers = await senior.api.users.list({ officersOnly: true });
    expect(officers.map((o) => o.email)).not.toContain(NO_ROLES);
    expect(officers.length).toBeGreaterThan(0);

    const { caseId } = await senior.api.cases.open({ urn: cambs.schools[0]!.urn });
    await expect(senior.api.cases.assign({ caseId, officerId: listed!.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose an active member of LA staff.",
    });
    await expect(senior.api.cases.assign({ caseId, officerId: officers[0]!.id })).resolves.toMatchObject({ caseId });
  });
});
