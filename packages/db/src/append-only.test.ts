import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "./connection.ts";
import type { CaseRow, Tenant } from "./schema.ts";
import { withSystem, withTenant } from "./tenant.ts";
import { createTestCase, createTestTenant, openTestDatabase } from "./testing/index.ts";

/** A tenant's role is refused by the trigger (append-only) or by its grants (forbidden), whichever PostgreSQL checks first. */
const appendOnlyOrForbidden: unknown = expect.stringMatching(/append-only|forbidden/);

let database: StewardDatabase;
let tenant: Tenant;
let caseRow: CaseRow;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await createTestTenant(database.db);
  caseRow = await createTestCase(database.db, tenant.id, 123456);
  await withTenant(database.db, tenant.id, async (trx) => {
    await trx
      .insertInto("case_events")
      .values({
        tenant_id: tenant.id,
        case_id: caseRow.id,
        seq: 1,
        type: "case-opened",
        payload: "{}",
        occurred_at: new Date(),
      })
      .execute();
    await trx
      .insertInto("audit_log")
      .values({ tenant_id: tenant.id, action: "case.open", subject_type: "case", subject_id: caseRow.id })
      .execute();
  });
});

afterAll(async () => {
  await database.close();
});

const countRows = (table: "case_events" | "audit_log") =>
  withTenant(database.db, tenant.id, (trx) =>
    trx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  );

describe.each(["case_events", "audit_log"] as const)("%s is append-only", (table) => {
  it("accepts new rows", async () => {
    expect((await countRows(table)).n).toBe(1);
  });

  it("refuses UPDATE, within a tenant", async () => {
    const attempt = withTenant(database.db, tenant.id, (trx) =>
      sql`update ${sql.table(table)} set tenant_id = tenant_id`.execute(trx),
    );
    await expect(attempt).rejects.toMatchObject({ code: appendOnlyOrForbidden });
  });

  it("refuses UPDATE and DELETE even to the table owner", async () => {
    const update = withSystem(database.db, (trx) =>
      sql`update ${sql.table(table)} set tenant_id = tenant_id`.execute(trx),
    );
    await expect(update).rejects.toMatchObject({ code: "append-only" });
    const remove = withSystem(database.db, (trx) => sql`delete from ${sql.table(table)}`.execute(trx));
    await expect(remove).rejects.toMatchObject({ code: "append-only" });
    await expect(remove).rejects.toThrow(`${table} is append-only: delete is not allowed`);
  });

  it("refuses DELETE within a tenant and TRUNCATE by the owner", async () => {
    const remove = withTenant(database.db, tenant.id, (trx) => sql`delete from ${sql.table(table)}`.execute(trx));
    await expect(remove).rejects.toMatchObject({ code: appendOnlyOrForbidden });
    const truncate = withSystem(database.db, (trx) => sql`truncate ${sql.table(table)} cascade`.execute(trx));
    await expect(truncate).rejects.toMatchObject({ code: "append-only" });
    expect((await countRows(table)).n).toBe(1);
  });
});

describe("policy versions", () => {
  it("keep a published document immutable while letting its status move on", async () => {
    const id = await withTenant(database.db, tenant.id, async (trx) => {
      const row = await trx
        .insertInto("policy_versions")
        .values({
          tenant_id: tenant.id,
          version: 2,
          format_version: 1,
          document: JSON.stringify({ a: 1 }),
          status: "published",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return row.id;
    });
    const edit = withTenant(database.db, tenant.id, (trx) =>
      trx
        .updateTable("policy_versions")
        .set({ document: JSON.stringify({ a: 2 }) })
        .where("id", "=", id)
        .execute(),
    );
    await expect(edit).rejects.toMatchObject({ code: "immutable" });
    await withTenant(database.db, tenant.id, (trx) =>
      trx.updateTable("policy_versions").set({ status: "retired" }).where("id", "=", id).execute(),
    );
    const row = await withTenant(database.db, tenant.id, (trx) =>
      trx.selectFrom("policy_versions").select(["status", "document"]).where("id", "=", id).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ status: "retired", document: { a: 1 } });
  });
});
