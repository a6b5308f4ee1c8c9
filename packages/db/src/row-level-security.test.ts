import { sql, type Kysely, type Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "./connection.ts";
import { DbError } from "./errors.ts";
import type { Database, Tenant } from "./schema.ts";
import { withSystem, withTenant, type TenantTransaction } from "./tenant.ts";
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
  const caseB = await createTestCase(database.db, tenantB.id, 200001);
  await seedEveryTenantTable(database.db, tenantB.id, caseB);
});

/** A row of tenant B in every tenant table the fixtures do not fill, so that isolation is checked on real rows. */
async function seedEveryTenantTable(
  db: Kysely<Database>,
  tenantId: string,
  tenantCase: { id: string; school_urn: number; policy_version_id: string },
) {
  await withTenant(db, tenantId, async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ tenant_id: tenantId, email: "b@b.test", display_name: "B", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const now = new Date();
    await trx
      .insertInto("sessions")
      .values({
        tenant_id: tenantId,
        id: "b".repeat(64),
        user_id: user.id,
        idle_expires_at: now,
        expires_at: now,
        user_agent: null,
        csrf_token: "b",
      })
      .execute();
    await trx
      .insertInto("case_events")
      .values({ tenant_id: tenantId, case_id: tenantCase.id, seq: 1, type: "opened", occurred_at: now })
      .execute();
    await trx.insertInto("audit_log").values({ tenant_id: tenantId, action: "seeded", subject_type: "Test" }).execute();
    await trx
      .insertInto("form_responses")
      .values({
        tenant_id: tenantId,
        form_key: "f",
        school_urn: tenantCase.school_urn,
        case_id: tenantCase.id,
        policy_version_id: tenantCase.policy_version_id,
        created_by: user.id,
        updated_by: user.id,
      })
      .execute();
    await trx
      .insertInto("register_entries")
      .values({
        tenant_id: tenantId,
        id: "00000000-0000-4000-8000-0000000000b1",
        case_id: tenantCase.id,
        school_urn: tenantCase.school_urn,
        register: "concerns",
        occurred_on: "2026-01-05",
        logged_at: now,
        logged_by: user.id,
      })
      .execute();
    await trx
      .insertInto("tasks")
      .values({
        tenant_id: tenantId,
        case_id: tenantCase.id,
        item_key: "follow-up:b",
        assignee: `user:${user.id}`,
        school_urn: tenantCase.school_urn,
        kind: "follow-up",
        label: "Meet the headteacher",
        audience: "la",
        due: "2026-01-05",
        record_kind: "task",
        record_id: "b",
      })
      .execute();
    await trx
      .insertInto("sign_in_throttle")
      .values({ tenant_id: tenantId, email: "b@b.test", address: "192.0.2.1", failures: 1, window_started_at: now })
      .execute();
    await trx
      .insertInto("import_mappings")
      .values({
        tenant_id: tenantId,
        name: "KS2",
        key_column: "URN",
        key_kind: "urn",
        as_at_date: "2024-07-31",
        columns: "[]",
        created_by: user.id,
        updated_by: user.id,
      })
      .execute();
    const run = await trx
      .insertInto("import_runs")
      .values({ tenant_id: tenantId, mapping: "{}", file_name: "b.csv", sha256: "b".repeat(64), created_by: user.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("indicator_values")
      .values({
        tenant_id: tenantId,
        school_urn: tenantCase.school_urn,
        indicator: "b",
        value: "1",
        as_at: "2024-07-31",
        source_kind: "import",
        import_run_id: run.id,
      })
      .execute();
    await trx
      .insertInto("notification_messages")
      .values({
        tenant_id: tenantId,
        id: "00000000-0000-4000-8000-0000000000b2",
        recipient_id: user.id,
        recipient_email: "b@b.test",
        subject: "B",
        body: "B",
        rule_key: null,
        case_id: tenantCase.id,
        event_seq: 1,
        dedupe_key: "b",
        delivery: "immediate",
        next_attempt_at: now,
      })
      .execute();
    await trx
      .insertInto("clock_runs")
      .values({ tenant_id: tenantId, day: "2024-09-02", last_case_id: tenantCase.id })
      .execute();
    await trx.insertInto("sign_in_settings").values({ tenant_id: tenantId, passwords_enabled: false }).execute();
    await trx
      .insertInto("oidc_sign_in_states")
      .values({
        tenant_id: tenantId,
        state_hash: "b".repeat(64),
        browser_hash: "b".repeat(64),
        provider_key: "b",
        app: "admin",
        code_verifier: "b",
        nonce: "b",
        redirect_uri: "https://b.test/auth/oidc/callback",
        return_to: "/",
        created_at: now,
        expires_at: now,
      })
      .execute();
    await trx
      .insertInto("oidc_identities")
      .values({ tenant_id: tenantId, provider_key: "b", subject: "b", user_id: user.id })
      .execute();
  });
}

/** Every table of the public schema with a tenant_id column, from the catalogue (not a list kept by hand). */
async function tenantTables(trx: Kysely<Database> | Transaction<Database>): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name
  `.execute(trx);
  return rows.rows.map((r) => r.table_name);
}

/** The tenant tables whose row-level security is not enabled and forced with a policy, each with what is missing. */
async function tablesWithoutIsolation(trx: Kysely<Database> | Transaction<Database>): Promise<string[]> {
  const problems: string[] = [];
  for (const table of await tenantTables(trx)) {
    const rls = await sql<{ enabled: boolean; forced: boolean; policies: number }>`
      select c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = ${table}
    `.execute(trx);
    const row = rls.rows[0];
    if (!row?.enabled) problems.push(`${table}: row-level security is not enabled`);
    if (!row?.forced) problems.push(`${table}: row-level security is not forced for the owner`);
    if (!row?.policies) problems.push(`${table}: no policy`);
  }
  return problems;
}

afterAll(async () => {
  await database.close();
});

describe("row-level security on every tenant table, found in the catalogue", () => {
  it("finds the tenant tables, including the ones added after the first migration", async () => {
    const tables = await tenantTables(database.db);
    expect(tables).toEqual(
      expect.arrayContaining([
        "users",
        "sessions",
        "policy_versions",
        "schools",
        "cases",
        "case_events",
        "audit_log",
        "form_responses",
        "sign_in_throttle",
        "register_entries",
        "indicator_values",
        "import_mappings",
        "import_runs",
        "tasks",
        "notification_messages",
        "clock_runs",
        "sign_in_settings",
        "oidc_sign_in_states",
        "oidc_identities",
      ]),
    );
  });

  it("has row-level security enabled, forced and with a policy on each", async () => {
    expect(await tablesWithoutIsolation(database.db)).toEqual([]);
  });

  it("would catch a new tenant table created without it", async () => {
    const found = await withSystem(database.db, async (trx) => {
      await sql`create table rls_probe (tenant_id uuid not null)`.execute(trx);
      const problems = await tablesWithoutIsolation(trx);
      // Roll the probe table back.
      throw Object.assign(new Error("rollback"), { problems });
    }).catch((error: { problems?: string[] }) => error.problems);
    expect(found).toEqual([
      "rls_probe: row-level security is not enabled",
      "rls_probe: row-level security is not forced for the owner",
      "rls_probe: no policy",
    ]);
    expect(await tenantTables(database.db)).not.toContain("rls_probe");
  });

  it("shows a query that forgets its tenant filter none of another tenant's rows, in every tenant table", async () => {
    for (const table of await tenantTables(database.db)) {
      // The connecting user is a superuser (PGlite's always is; the test server's too): it sees past row-level security.
      const ofB = await withSystem(database.db, (trx) =>
        sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id = ${tenantB.id}`.execute(
          trx,
        ),
      );
      expect(
        ofB.rows[0]!.n,
        `${table} has no row of tenant B: add one to seedEveryTenantTable so its isolation is checked`,
      ).toBeGreaterThan(0);
      const seenByA = await withTenant(database.db, tenantA.id, (trx) =>
        sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where tenant_id <> ${tenantA.id}`.execute(
          trx,
        ),
      );
      expect(seenByA.rows[0]!.n, `${table}: tenant A sees another tenant's rows`).toBe(0);
      const seenByB = await withTenant(database.db, tenantB.id, (trx) =>
        sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx),
      );
      expect(seenByB.rows[0]!.n, `${table}: tenant B sees its own rows`).toBe(ofB.rows[0]!.n);
    }
  });

  it("lets only withTenant make a TenantTransaction", async () => {
    await withSystem(database.db, (trx) => {
      // @ts-expect-error a system transaction is not confined to a tenant, so it is not a TenantTransaction
      const notTenant: TenantTransaction = trx;
      expect(notTenant).toBeDefined();
      return Promise.resolve();
    });
    await withTenant(database.db, tenantA.id, (trx) => {
      const scoped: TenantTransaction = trx;
      expect(scoped).toBeDefined();
      return Promise.resolve();
    });
  });
});

describe("row-level security", () => {
  it("shows a query that forgets the tenant filter only the current tenant's rows", async () => {
    const seenByA = await withTenant(database.db, tenantA.id, (trx) =>
      trx.selectFrom("schools").select(["tenant_id", "urn"]).execute(),
    );
    expect(seenByA.map((s) => s.urn).sort()).toEqual([100001, 100002]);
    expect(new Set(seenByA.map((s) => s.tenant_id))).toEqual(new Set([tenantA.id]));

    const casesSeenByB = await withTenant(database.db, tenantB.id, (trx) =>
      trx.selectFrom("cases").select("school_urn").execute(),
    );
    expect(casesSeenByB.map((c) => c.school_urn)).toEqual([200001]);
  });

  it("hides even a row asked for by its key when it belongs to another tenant", async () => {
    const found = await withTenant(database.db, tenantA.id, (trx) =>
      trx.selectFrom("schools").selectAll().where("tenant_id", "=", tenantB.id).where("urn", "=", 200001).execute(),
    );
    expect(found).toEqual([]);
    const tenantRows = await withTenant(database.db, tenantA.id, (trx) =>
      trx.selectFrom("tenants").select("id").execute(),
    );
    expect(tenantRows.map((t) => t.id)).toEqual([tenantA.id]);
  });

  it("refuses to insert a row for another tenant", async () => {
    const attempt = withTenant(database.db, tenantA.id, (trx) =>
      trx.insertInto("schools").values({ tenant_id: tenantB.id, urn: 200099, name: "Smuggled school" }).execute(),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
    const inB = await withTenant(database.db, tenantB.id, (trx) =>
      trx.selectFrom("schools").select("urn").where("urn", "=", 200099).execute(),
    );
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
        await trx
          .insertInto("schools")
          .values({ tenant_id: tenant.id, urn, name: `Concurrent ${i}` })
          .execute();
        // Yield to the event loop between statements so that, were the
        // session shared, another transaction's statements would land here.
        await new Promise((resolve) => setTimeout(resolve, i % 5));
        const setting = await sql<{ tenant: string }>`select current_setting('app.tenant_id', true) as tenant`.execute(
          trx,
        );
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
      trx
        .selectFrom("schools")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("urn", ">=", 300000)
        .executeTakeFirstOrThrow(),
    );
    const countB = await withTenant(database.db, tenantB.id, (trx) =>
      trx
        .selectFrom("schools")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("urn", ">=", 300000)
        .executeTakeFirstOrThrow(),
    );
    expect([countA.n, countB.n]).toEqual([25, 25]);
  });

  it("rejects a tenant id that is not a UUID before touching the database", async () => {
    await expect(withTenant(database.db, "' or 1=1 --", () => Promise.resolve(1))).rejects.toThrow(/UUID/);
  });
});
