import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { sampleFromSchema } from "./demo/sample-data.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";
import { containing } from "./testing/matchers.ts";

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "concurrency");
});
afterAll(async () => database?.close());

/** Sixteen school days of November 2021 (Cambridgeshire's calendar): one visit each. */
const DAYS = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 22].map(
  (d) => `2021-11-${String(d).padStart(2, "0")}`,
);

describe("commands on one case at the same moment", () => {
  let adviser: TestClient;
  let caseId: string;

  beforeAll(async () => {
    const cambs = world.tenants.cambridgeshire;
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    adviser = await world.as("cambridgeshire", "school-improvement-adviser");
    ({ caseId } = await senior.api.cases.open({ urn: cambs.schools[1]!.urn }));
    for (const date of DAYS)
      await adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date });
    await world.at("2021-11-22T17:00:00Z", senior, adviser);
  });

  it("sixteen callers recording different visits of the case all succeed, and every report is kept", async () => {
    const visits = (await adviser.api.cases.get({ caseId })).visits;
    expect(visits).toHaveLength(DAYS.length);
    const form = world.tenants.cambridgeshire.policy.forms.find((f) => f.key === "visit-report")!;
    const results = await Promise.allSettled(
      visits.map((v) =>
        adviser.api.visits.record({
          caseId,
          visitId: v.id,
          data: sampleFromSchema(form.schema, { date: v.date }) as Record<string, unknown>,
          concerns: false,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const after = await adviser.api.cases.get({ caseId });
    expect(after.visits.map((v) => v.status)).toEqual(DAYS.map(() => "completed"));
    expect(after.visits.every((v) => v.report !== undefined)).toBe(true);
    // Each command decided on the state the one before it wrote: the versions are consecutive, none lost.
    const versions = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.version] : [])).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(DAYS.length);
    expect(after.version).toBe(versions.at(-1));
  });

  it("still refuses an edit sent against an older view of the case", async () => {
    const { version } = await adviser.api.cases.get({ caseId });
    await adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-11-23" });
    await expect(
      adviser.api.visits.schedule({
        caseId,
        expectedVersion: version,
        visitType: "school-improvement-adviser-visit",
        date: "2021-11-24",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: containing("reload it") });
  });
});
