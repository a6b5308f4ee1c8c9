// After a bulk load through the API (a register import), the planner's
// statistics count what was loaded: without them, lists over a table that grew
// in one transaction are planned as if it were still small.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let admin: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  const world = await TestWorld.create(database, "statistics");
  admin = await world.as("cambridgeshire", "policy-administrator");
});
afterAll(async () => database?.close());

/** The rows the planner believes the schools table holds, and the rows it holds (every tenant's: read as the owner). */
async function schoolRows(): Promise<{ planned: number; stored: number }> {
  const { rows } = await sql<{ planned: number; stored: number }>`
    select (select reltuples::int from pg_class where oid = 'schools'::regclass) as planned,
      (select count(*)::int from schools) as stored
  `.execute(database.db);
  return { planned: Number(rows[0]?.planned), stored: Number(rows[0]?.stored) };
}

const HEADER =
  "URN,LA (code),EstablishmentName,EstablishmentTypeGroup (name),TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),OpenDate";

describe("statistics after bulk loads", () => {
  it("a register import leaves the planner counting the schools it added", async () => {
    const csv = [
      HEADER,
      ...Array.from(
        { length: 400 },
        (_, i) =>
          `${700001 + i},873,Imported School ${i + 1},Local authority maintained schools,Community school,Open,Primary,01-09-1990`,
      ),
    ].join("\n");
    const report = await admin.api.schools.import({ kind: "establishments", csv });
    expect(report.added).toHaveLength(400);
    const { planned, stored } = await schoolRows();
    expect(planned).toBe(stored);
  });

  it("a dry run changes nothing, statistics included", async () => {
    const before = await schoolRows();
    const csv = [
      HEADER,
      "799999,873,Not Imported,Local authority maintained schools,Community school,Open,Primary,",
    ].join("\n");
    const report = await admin.api.schools.import({ kind: "establishments", csv, dryRun: true });
    expect(report.added).toEqual([799999]);
    expect(await schoolRows()).toEqual(before);
  });
});
