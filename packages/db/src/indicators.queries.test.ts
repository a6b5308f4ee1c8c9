import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "./connection.ts";
import {
  countImportRunValues,
  insertImportRun,
  insertIndicatorValues,
  listImportMappings,
  listImportRuns,
  listIndicatorValues,
  markImportRunUndone,
  saveImportMapping,
} from "./indicators.queries.ts";
import type { Tenant } from "./schema.ts";
import { withSystem, withTenant } from "./tenant.ts";
import { createTestCase, createTestTenant, openTestDatabase } from "./testing/index.ts";

let database: StewardDatabase;
let tenant: Tenant;
let userId: string;
const URN = 411001;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await createTestTenant(database.db);
  await createTestCase(database.db, tenant.id, URN);
  userId = await withTenant(database.db, tenant.id, async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ tenant_id: tenant.id, email: "officer@la.test", display_name: "Ola Officer", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    return user.id;
  });
});

afterAll(async () => {
  await database.close();
});

const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, tenant.id, fn);

async function importValue(value: number, asAt: string) {
  return inTenant(async (trx) => {
    const run = await insertImportRun(trx, tenant.id, {
      mapping: { name: "Attendance" },
      fileName: `attendance-${asAt}.csv`,
      sha256: "a".repeat(64),
      report: { applied: 1 },
      createdBy: userId,
    });
    await insertIndicatorValues(trx, tenant.id, [
      {
        schoolUrn: URN,
        indicator: "attendance",
        value,
        asAt,
        sourceKind: "import",
        importRunId: run.id,
        recordedBy: userId,
      },
    ]);
    return run;
  });
}

describe("indicator values", () => {
  it("reads a school's values newest first, with who recorded them and the file they came from", async () => {
    await importValue(93.1, "2024-03-31");
    await importValue(91.4, "2024-07-31");
    await inTenant((trx) =>
      insertIndicatorValues(trx, tenant.id, [
        {
          schoolUrn: URN,
          indicator: "governance-review",
          value: "amber",
          asAt: "2024-05-01",
          sourceKind: "entry",
          recordedBy: userId,
          note: "After the review meeting",
        },
      ]),
    );
    const values = await inTenant((trx) => listIndicatorValues(trx, [URN], { indicators: ["attendance"] }));
    expect(values.map((v) => [v.value, v.asAt, v.fileName, v.recordedByName])).toEqual([
      [91.4, "2024-07-31", "attendance-2024-07-31.csv", "Ola Officer"],
      [93.1, "2024-03-31", "attendance-2024-03-31.csv", "Ola Officer"],
    ]);
    const all = await inTenant((trx) => listIndicatorValues(trx, [URN]));
    expect(all.find((v) => v.indicator === "governance-review")).toMatchObject({
      value: "amber",
      sourceKind: "entry",
      note: "After the review meeting",
    });
  });

  it("leaves an undone run's values out, and undoes a run only once", async () => {
    const run = await importValue(80, "2024-12-31");
    expect(await inTenant((trx) => countImportRunValues(trx, run.id))).toBe(1);
    const latest = async () =>
      (await inTenant((trx) => listIndicatorValues(trx, [URN], { indicators: ["attendance"] })))[0]?.value;
    expect(await latest()).toBe(80);
    const undone = await inTenant((trx) => markImportRunUndone(trx, run.id, { userId, now: new Date() }));
    expect(undone?.status).toBe("undone");
    expect(await latest()).toBe(91.4);
    expect(await inTenant((trx) => markImportRunUndone(trx, run.id, { userId, now: new Date() }))).toBeUndefined();
    const runs = await inTenant((trx) => listImportRuns(trx, { limit: 10 }));
    expect(runs.find((r) => r.id === run.id)).toMatchObject({ status: "undone", undone_by_name: "Ola Officer" });
  });

  it("refuses to change or delete a stored value, even for the table's owner", async () => {
    const update = inTenant((trx) => sql`update indicator_values set value = '0'`.execute(trx));
    await expect(update).rejects.toMatchObject({ code: expect.stringMatching(/append-only|forbidden/) as unknown });
    const remove = withSystem(database.db, (trx) => sql`delete from indicator_values`.execute(trx));
    await expect(remove).rejects.toMatchObject({ code: "append-only" });
  });

  it("refuses to rewrite a run's file, mapping or report", async () => {
    const run = await importValue(70, "2025-03-31");
    const rewrite = inTenant((trx) =>
      trx.updateTable("import_runs").set({ file_name: "other.csv" }).where("id", "=", run.id).execute(),
    );
    await expect(rewrite).rejects.toMatchObject({ code: "immutable" });
  });

  it("refuses a value with no run when it says it came from an import", async () => {
    const orphan = inTenant((trx) =>
      insertIndicatorValues(trx, tenant.id, [
        {
          schoolUrn: URN,
          indicator: "attendance",
          value: 1,
          asAt: "2024-01-01",
          sourceKind: "import",
          recordedBy: null,
        },
      ]),
    );
    await expect(orphan).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("import mappings", () => {
  it("saves a mapping by name, replacing the one of the same name whatever its case", async () => {
    const mapping = {
      name: "KS2 performance",
      keyColumn: "URN",
      keyKind: "urn" as const,
      asAtDate: "2024-07-31",
      asAtColumn: null,
      rowFilters: [{ column: "RECTYPE", equals: "1" }],
      columns: [{ column: "PTRWM_EXP", indicator: "ks2-rwm-expected" }],
    };
    const first = await inTenant((trx) => saveImportMapping(trx, tenant.id, mapping, { userId, now: new Date() }));
    const second = await inTenant((trx) =>
      saveImportMapping(
        trx,
        tenant.id,
        { ...mapping, name: "ks2 PERFORMANCE", asAtDate: "2025-07-31" },
        { userId, now: new Date() },
      ),
    );
    expect(second.id).toBe(first.id);
    const all = await inTenant((trx) => listImportMappings(trx));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      as_at_date: "2025-07-31",
      columns: mapping.columns,
      row_filters: mapping.rowFilters,
    });
  });

  it("needs either a fixed as-at date or a column, not both", async () => {
    const both = inTenant((trx) =>
      saveImportMapping(
        trx,
        tenant.id,
        {
          name: "Both",
          keyColumn: "URN",
          keyKind: "urn",
          asAtDate: "2024-07-31",
          asAtColumn: "time_period",
          rowFilters: [],
          columns: [],
        },
        { userId, now: new Date() },
      ),
    );
    await expect(both).rejects.toMatchObject({ code: "invalid" });
  });
});
