import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "./connection.ts";
import { findPolicyVersion, insertPolicyVersion, updatePolicyDraft } from "./policies.queries.ts";
import type { Tenant } from "./schema.ts";
import { withTenant } from "./tenant.ts";
import { createTestTenant, openTestDatabase } from "./testing/index.ts";

let database: StewardDatabase;
let tenant: Tenant;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await createTestTenant(database.db);
});

afterAll(async () => {
  await database.close();
});

/** A form written without ui:order: its questions in the order the administrator wrote them (not jsonb's). */
const form = (order: string[]) => ({
  key: "action-plan",
  schema: { type: "object", properties: Object.fromEntries(order.map((name) => [name, { type: "string" }])) },
});

const questionsOf = (document: unknown) => {
  const [first] = (document as { forms: ReturnType<typeof form>[] }).forms;
  return Object.keys(first?.schema.properties ?? {});
};

describe("a policy document as stored", () => {
  it("keeps its keys in the order written, through a new version and a saved draft", async () => {
    const written = ["priority2", "priority1", "priority3", "aLongerQuestionName", "b"];
    const row = await withTenant(database.db, tenant.id, (trx) =>
      insertPolicyVersion(trx, tenant.id, {
        document: { forms: [form(written)] },
        formatVersion: 4,
        label: null,
        basedOnId: null,
        createdBy: null,
      }),
    );
    const read = await withTenant(database.db, tenant.id, (trx) => findPolicyVersion(trx, row.id));
    expect(questionsOf(read?.document)).toEqual(written);

    const rewritten = ["b", "priority3", "priority1"];
    await withTenant(database.db, tenant.id, (trx) =>
      updatePolicyDraft(trx, row.id, row.revision, { document: { forms: [form(rewritten)] }, formatVersion: 4 }),
    );
    const saved = await withTenant(database.db, tenant.id, (trx) => findPolicyVersion(trx, row.id));
    expect(questionsOf(saved?.document)).toEqual(rewritten);
  });
});
