import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StewardDatabase } from "./connection.ts";
import { DbError } from "./errors.ts";
import type { Tenant } from "./schema.ts";
import { withSystem, withTenant } from "./tenant.ts";
import { createTestCase, createTestTenant, openTestDatabase } from "./testing/index.ts";

let database: StewardDatabase;
let tenantA: Tenant;
let tenantB: Tenant;

beforeAll(async () => {
  database = await openTestDatabase();
  tenantA = await createTestTenant(database.db, "Authority A");
  tenantB = await createTestTenant(database.db, "Authority B");
  await createTestCase(database.db, tenantA.id, 100001);
  await createTestCase(database.db, tenantA.id, 100002);
  await createTestCase(database.db, tenantB.id, 200001);
});

afterAll(async () => {
  await database.close();
});

describe("row-level security", () => {
  it("shows a query that forgets the tenant filter only the current tenant's rows", async () => {
    const seenByA = await withTenant(database.db, tenantA.id, (trx) => trx.selectFrom("schools").select(["tenant_id", "urn"]).execute());
    expect(seenByA.map((s) => s.urn).sort()).toEqual([100001, 100002]);
    expect(new Set(seenByA.map((s) => s.tenant_id))).toEqual(new Set([tenantA.id]));

    const casesSeenByB = await withTenant(database.db, tenantB.id, (trx) => trx.selectFrom("cases").select("school_urn").execute());
    expect(casesSeenByB.map((c) => c.school_urn)).toEqual([200001]);
  });

  it("hides even a row asked for by its key when it belongs to another tenant", async () => {
    const found = await withTenant(database.db, tenantA.id, (trx) =>
      trx.selectFrom("schools").selectAll().where("tenant_id", "=", tenantB.id).where("urn", "=", 200001).execute(),
    );
    expect(found).toEqual([]);
    const tenantRows = await withTenant(database.db, tenantA.id, (trx) => trx.selectFrom("tenants").select("id").execute());
    expect(tenantRows.map((t) => t.id)).toEqual([tenantA.id]);
  });

  it("refuses to insert a row for another tenant", async () => {
    const attempt = withTenant(database.db, tenantA.id, (trx) =>
      trx.insertInto("schools").values({ tenant_id: tenantB.id, urn: 200099, name: "Smuggled school" }).execute(),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
    const inB = await withTenant(database.db, tenantB.id, (trx) => trx.selectFrom("schools").select("urn").where("urn", "=", 200099).execute());
    expect(inB).toEqual([]);
  });

  it("refuses to move a row to another tenant, and updates or deletes nothing across the line", async () => {
    const move = withTenant(database.db, tenantA.id, (trx) =>
      trx.updateTable("schools").set({ tenant_id: tenantB.id }).where("urn", "=", 100001).execute(),
    );
    await expect(move).rejects.toThrow(/row-level security/);

    const renamed = await withTenant(database.db, tenantA.id, (trx) =>
      trx.updateTable("schools").set({ name: "Renamed" }).where("urn", "=", 200001).executeTakeFirst(),
    );
    expect(renamed.numUpdatedRows).toBe(0n);
    const deleted = await withTenant(database.db, tenantA.id, (trx) =>
      trx.deleteFrom("sessions").where("tenant_id", "=", tenantB.id).executeTakeFirst(),
    );
    expect(deleted.numDeletedRows).toBe(0n);
    const school = await withTenant(database.db, tenantB.id, (trx) =>
      trx.selectFrom("schools").select("name").where("urn", "=", 200001).executeTakeFirstOrThrow(),
    );
    expect(school.name).toBe("School 200001");
  });

  it("shows nothing to a transaction that set no tenant", async () => {
    const rows = await withSystem(database.db, async (trx) => {
      await sql`set local role steward_app`.execute(trx);
      return trx.selectFrom("schools").selectAll().execute();
    });
    expect(rows).toEqual([]);
  });

  it("reports a refused write as a forbidden DbError, leaving nothing behind from the transaction", async () => {
    const attempt = withTenant(database.db, tenantA.id, async (trx) => {
      await trx.insertInto("schools").values({ tenant_id: tenantA.id, urn: 100050, name: "Written first" }).execute();
      await trx.insertInto("schools").values({ tenant_id: tenantB.id, urn: 100051, name: "Refused" }).execute();
    });
    await expect(attempt).rejects.toBeInstanceOf(DbError);
    await expect(attempt).rejects.toMatchObject({ code: "forbidden" });
    const leftover = await withTenant(database.db, tenantA.id, (trx) =>
      trx.selectFrom("schools").select("urn").where("urn", "=", 100050).execute(),
    );
    expect(leftover).toEqual([]);
  });

  it("keeps 50 concurrent tenant-scoped transactions for two tenants apart", async () => {
    const runs = Array.from({ length: 50 }, (_, i) => {
      const tenant = i % 2 === 0 ? tenantA : tenantB;
      const urn = 300000 + i;
      return withTenant(database.db, tenant.id, async (trx) => {
        await trx.insertInto("schools").values({ tenant_id: tenant.id, urn, name: `Concurrent ${i}` }).execute();
        // Yield to the event loop between statements so that, were the
        // session shared, another transaction's statements would land here.
        await new Promise((resolve) => setTimeout(resolve, i % 5));
        const setting = await sql<{ tenant: string }>`select current_setting('app.tenant_id', true) as tenant`.execute(trx);
        const visible = await trx.selectFrom("schools").select(["tenant_id", "urn"]).execute();
        return { tenant: tenant.id, urn, setting: setting.rows[0]?.tenant, visible };
      });
    });
    const results = await Promise.all(runs);
    for (const result of results) {
      expect(result.setting).toBe(result.tenant);
      expect(result.visible.every((row) => row.tenant_id === result.tenant)).toBe(true);
      expect(result.visible.some((row) => row.urn === result.urn)).toBe(true);
    }
    const countA = await withTenant(database.db, tenantA.id, (trx) =>
      trx.selectFrom("schools").select((eb) => eb.fn.countAll<number>().as("n")).where("urn", ">=", 300000).executeTakeFirstOrThrow(),
    );
    const countB = await withTenant(database.db, tenantB.id, (trx) =>
      trx.selectFrom("schools").select((eb) => eb.fn.countAll<number>().as("n")).where("urn", ">=", 300000).executeTakeFirstOrThrow(),
    );
    expect([countA.n, countB.n]).toEqual([25, 25]);
  });

  it("rejects a tenant id that is not a UUID before touching the database", async () => {
    await expect(withTenant(database.db, "' or 1=1 --", async () => 1)).rejects.toThrow(/UUID/);
  });
});
