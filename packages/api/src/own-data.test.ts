// A made-up authority Steward's code has never heard of (Eastmere Borough Council, a fixture written apart from
// the two tenants) runs on its own data: an attendance indicator fed by a DfE-layout CSV, a register of concern,
// and "three concerns in a rolling year" moving a school to stage 2. Everything here goes through the API a
// user's browser calls; nothing about Eastmere is in application code (the last test checks that).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { validatePolicy, type PolicyDocument } from "@steward/policy-config";
import eastmere from "@steward/policy-config/fixtures/eastmere/policy.json" with { type: "json" };

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let head: TestClient;
let adviser: TestClient;
let urns: number[];
const caseIds: string[] = [];

/** The DfE's explore-education-statistics attendance layout (long: a row per school, period and breakdown). */
function attendanceFile(): { name: string; content: string; encoding: "text" } {
  const [high, low, suppressed] = urns;
  const rows = [
    "time_period,time_identifier,geographic_level,school_urn,school_laestab,school_name,breakdown,sess_overall_percent,enrolments_pa_10_exact_percent",
    `202526,Autumn term,School,${high},9902001,High Absence School,Total,9.8,24.5`,
    `202526,Autumn term,School,${high},9902001,High Absence School,Boys,10.2,26.0`,
    `202526,Autumn term,School,${low},9902002,Low Absence School,Total,4.1,8.0`,
    `202526,Autumn term,School,${suppressed},9902003,Small School,Total,x,x`,
    "202526,Autumn term,School,999991,9909999,Not Our School,Total,5.0,12.0",
    "202526,Autumn term,Local authority,,,Eastmere,Total,6.0,15.0",
  ];
  return { name: "eastmere-attendance-2025-26-autumn.csv", content: rows.join("\n"), encoding: "text" };
}

const mapping = {
  keyColumn: "school_urn",
  keyKind: "urn" as const,
  asAt: { date: "2025-12-19" },
  rowFilters: [
    { column: "geographic_level", equals: "School" },
    { column: "breakdown", equals: "Total" },
  ],
  columns: [{ column: "enrolments_pa_10_exact_percent", indicator: "persistent-absence" }],
};

const logConcern = (caseId: string, occurredOn: string, summary: string) =>
  adviser.api.registers.logEntry({
    caseId,
    register: "register-of-concern",
    occurredOn,
    fields: { source: "parent", summary },
  });

beforeAll(async () => {
  database = await openTestDatabase();
  // The second tenant runs Eastmere's policy in place of its own: provisioning takes any valid policy.
  world = await TestWorld.create(database, "own", (key, policy) =>
    key === "lincolnshire" ? (structuredClone(eastmere) as PolicyDocument) : policy,
  );
  urns = world.tenants.lincolnshire.schools.map((s) => s.urn);
  head = await world.as("lincolnshire", "head-of-standards");
  adviser = await world.as("lincolnshire", "link-adviser");
  await world.at("2026-01-12T09:00:00Z", head, adviser);
  for (const urn of urns.slice(0, 2)) caseIds.push((await head.api.cases.open({ urn })).caseId);
});
afterAll(async () => database?.close());

describe("Eastmere, an authority on its own data", () => {
  it("has a policy the validator accepts", () => {
    expect(validatePolicy(eastmere).problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("imports a term's attendance from a DfE file: suppressed figures are no value, a stranger's URN is rejected", async () => {
    const dryRun = await head.api.indicators.previewImport({ file: attendanceFile(), mapping });
    expect(dryRun).toMatchObject({ applied: 2, skipped: 1 });
    expect(dryRun.rejected).toEqual([
      { line: 6, column: "school_urn", reason: "There is no school with URN 999991 in the register." },
    ]);
    const { report } = await head.api.indicators.applyImport({ file: attendanceFile(), mapping, name: "Attendance" });
    expect(report.applied).toBe(2);
    const [high] = await head.api.indicators
      .forSchool({ urn: urns[0] ?? 0 })
      .then((list) => list.filter((i) => i.key === "persistent-absence"));
    expect(high?.latest).toMatchObject({ value: 24.5, asAt: "2025-12-19", source: "import" });
  });

  it("fires the trigger on the imported value for the school above the line, and not for the one below", async () => {
    const [highCase, lowCase] = await Promise.all(caseIds.map((caseId) => head.api.cases.get({ caseId })));
    expect(highCase?.triggers.map((t) => t.key)).toContain("persistent-absence-high");
    expect(lowCase?.triggers.map((t) => t.key)).not.toContain("persistent-absence-high");
    // The school's own headteacher reads the case, never what the data says about it.
    const school = await world.as("lincolnshire", "headteacher");
    const own = await school.api.cases.get({ caseId: caseIds[0] ?? "" });
    expect(own?.school.urn).toBe(urns[0]);
    expect(own?.triggers).toEqual([]);
  });

  it("works out a rating from two indicators, and a trigger fires on the rating", async () => {
    const [urn = 0, other = 0] = urns;
    await head.api.indicators.recordValue({
      urn,
      indicator: "governance-review",
      value: "ineffective",
      asAt: "2026-01-09",
      note: "External review of governance, January 2026",
    });
    const rating = (await head.api.indicators.forSchool({ urn })).find((i) => i.key === "overall-risk");
    expect(rating?.latest).toMatchObject({ value: "high", display: "High", source: "derived" });
    const unrated = (await head.api.indicators.forSchool({ urn: other })).find((i) => i.key === "overall-risk");
    expect(unrated?.latest).toMatchObject({ value: "low", source: "derived" });
    const view = await head.api.cases.get({ caseId: caseIds[0] ?? "" });
    expect(view?.triggers.find((t) => t.key === "overall-risk-high")?.suggests).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Letter: /)]),
    );
  });

  it("counts a concern by the day it was received, and moves the school to stage 2 on the third in a rolling year", async () => {
    const [caseId = ""] = caseIds;
    await world.at("2026-06-01T09:00:00Z", head, adviser);
    // Received more than a year ago: in the register, but outside the rolling year.
    await logConcern(caseId, "2025-05-20", "Parent's concern about behaviour");
    // Received last summer, logged only today: counts, by the day it was received.
    await logConcern(caseId, "2025-06-15", "Parent's concern about exclusions");
    await logConcern(caseId, "2025-12-01", "Governor's concern about the budget");
    let view = await head.api.cases.get({ caseId });
    expect(view?.stage?.key).toBe("stage-1");
    expect(view?.triggers.map((t) => t.key)).toContain("repeated-concerns");
    // Received two days ago, logged today: the third in the year.
    await logConcern(caseId, "2026-05-30", "Parent's concern about safeguarding");
    view = await head.api.cases.get({ caseId });
    expect(view?.stage?.key).toBe("stage-2");
    expect(view?.timeline.map((l) => l.summary).join("\n")).toContain("Three or more concerns in a rolling year");
  });

  it("does not move a school whose three concerns are spread over thirteen months", async () => {
    const [, caseId = ""] = caseIds;
    await logConcern(caseId, "2025-05-02", "First concern");
    await logConcern(caseId, "2025-11-01", "Second concern");
    await logConcern(caseId, "2026-06-01", "Third concern");
    const view = await head.api.cases.get({ caseId });
    expect(view?.registers.find((r) => r.key === "register-of-concern")?.entries).toHaveLength(3);
    expect(view?.stage?.key).toBe("stage-1");
  });

  it("is all policy: no application code names Eastmere's indicators, registers or measures", () => {
    const keys = [
      ...(eastmere.indicators ?? []).map((i) => i.key),
      ...(eastmere.registers ?? []).map((r) => r.key),
      ...(eastmere.measures ?? []).map((m) => m.key),
    ].filter((key) => key.includes("-"));
    const root = new URL("../../../", import.meta.url).pathname;
    const sources = productionSources(root);
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.some((file) => file.endsWith("packages/domain/src/case/measures.ts"))).toBe(true);
    const found = sources.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return keys.filter((key) => text.includes(`"${key}"`)).map((key) => `${file.slice(root.length)}: ${key}`);
    });
    expect(found).toEqual([]);
  });
});

/** The TypeScript of every package's and app's src/, less tests, test fixtures and demo data. */
function productionSources(root: string): string[] {
  const skip = /(\.test\.tsx?|\.stories\.tsx?)$|\/(testing|fixtures|demo|node_modules|dist)\//;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "node_modules" ? [] : walk(path);
      return /\.tsx?$/.test(name) && !skip.test(path) ? [path] : [];
    });
  return ["packages", "apps"].flatMap((top) =>
    readdirSync(join(root, top)).flatMap((pkg) => {
      const src = join(root, top, pkg, "src");
      try {
        return statSync(src).isDirectory() ? walk(src) : [];
      } catch {
        return [];
      }
    }),
  );
}
