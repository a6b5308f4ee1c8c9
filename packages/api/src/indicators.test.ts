import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { provisionSchools } from "./services/provision.ts";
import { getIndicatorPolicy } from "./testing/fixtures/indicator-policy.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

const fixture = (name: string) => readFileSync(new URL(`./testing/fixtures/${name}`, import.meta.url), "utf8");
const csv = (name: string, content = fixture(name)) => ({ name, content, encoding: "text" as const });

let database: StewardDatabase;
let world: TestWorld;
let officer: TestClient;
let adviser: TestClient;

/** The KS2 performance table's columns, mapped to the test policy's attainment indicators. */
const ks2Mapping = {
  keyColumn: "URN",
  keyKind: "urn" as const,
  asAt: { date: "2024-07-31" },
  rowFilters: [{ column: "RECTYPE", equals: "1" }],
  columns: [
    { column: "PTRWM_EXP", indicator: "ks2-rwm-expected" },
    { column: "READPROG", indicator: "ks2-reading-progress" },
    { column: "TOTPUPS", indicator: "ks2-pupils" },
  ],
};

/** Explore education statistics' school-level attendance, one row per school, period and breakdown. */
const attendanceMapping = {
  keyColumn: "school_laestab",
  keyKind: "laestab" as const,
  asAt: { date: "2023-12-22" },
  rowFilters: [
    { column: "geographic_level", equals: "School" },
    { column: "time_identifier", equals: "Autumn term" },
    { column: "breakdown", equals: "Total" },
  ],
  columns: [
    { column: "sess_overall_percent", indicator: "overall-absence" },
    { column: "enrolments_pa_10_exact_percent", indicator: "persistent-absence" },
  ],
};

const school = (urn: number, name: string) => ({
  urn,
  name,
  laCode: "873",
  laestab: null as string | null,
  phase: "primary",
  typeOfEstablishment: "Community school",
  governance: "maintained" as const,
  trust: null,
  status: "open" as const,
  openedOn: null,
  closedOn: null,
  postcode: null,
  district: null,
  data: {},
});

async function indicatorsOf(client: TestClient, urn: number) {
  const list = await client.api.indicators.forSchool({ urn });
  return Object.fromEntries(list.map((i) => [i.key, i]));
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "ind", (key, policy) =>
    key === "cambridgeshire" ? getIndicatorPolicy() : policy,
  );
  // The schools the DfE files name, by URN and LAESTAB (873 and the school's own four digits).
  await provisionSchools(database.db, world.tenants.cambridgeshire.tenant.id, [
    { ...school(110001, "Fen Primary School"), laestab: "8732001" },
    { ...school(110002, "Marsh Junior School"), laestab: "8732002" },
    { ...school(110003, "Little Fen CofE Primary School"), laestab: "8732003" },
    { ...school(110004, "Newfield Primary School"), laestab: "8732004" },
    { ...school(110005, "Dyke Primary School"), laestab: "8732005" },
  ]);
  officer = await world.as("cambridgeshire", "policy-administrator");
  adviser = await world.as("cambridgeshire", "school-improvement-adviser");
});

afterAll(async () => {
  await database.close();
});

describe("importing the DfE's key stage 2 performance table (wide: one row per school)", () => {
  it("reports a dry run value by value, each rejected row with its line and reason, and writes nothing", async () => {
    const report = await officer.api.indicators.previewImport({
      file: csv("ks2-performance-2024.csv"),
      mapping: ks2Mapping,
    });
    expect(report).toMatchObject({ rows: 8, filtered: 2, applied: 10, unchanged: 0, skipped: 4, schools: 5 });
    expect(report.rejected).toEqual([
      { line: 6, column: "URN", reason: "There is no school with URN 999999 in the register." },
      { line: 7, column: "PTRWM_EXP", reason: "104 is above the highest value, 100 %." },
    ]);
    expect(report.indicators).toEqual([
      { key: "ks2-rwm-expected", label: "KS2 reading, writing and maths at the expected standard", applied: 2 },
      { key: "ks2-reading-progress", label: "KS2 reading progress score", applied: 3 },
      { key: "ks2-pupils", label: "Pupils at the end of key stage 2", applied: 5 },
    ]);
    const fen = await indicatorsOf(officer, 110001);
    expect(fen["ks2-rwm-expected"]?.latest).toBeNull();
    expect(await officer.api.indicators.listRuns()).toEqual([]);
  });

  it("offers a mapping's columns only the indicators whose values come from an import", async () => {
    const importable = (await officer.api.indicators.listImportable()).map((i) => i.key);
    expect(importable).toEqual(expect.arrayContaining(["ks2-rwm-expected", "overall-absence", "finance-rag"]));
    expect(importable).not.toContain("governance-reviewed");
    expect(importable).not.toContain("self-evaluated-leadership");
  });

  it("applies the values, keeping suppressed figures as no value (never zero), and shows where each came from", async () => {
    const { report } = await officer.api.indicators.applyImport({
      file: csv("ks2-performance-2024.csv"),
      mapping: ks2Mapping,
      name: "KS2 performance",
    });
    expect(report.applied).toBe(10);
    const fen = await indicatorsOf(officer, 110001);
    expect(fen["ks2-rwm-expected"]?.latest).toMatchObject({
      value: 65,
      display: "65%",
      asAt: "2024-07-31",
      source: "import",
      sourceDetail: "ks2-performance-2024.csv",
      recordedBy: "Policy administrator",
    });
    expect(fen["ks2-reading-progress"]?.latest?.display).toBe("1.2");
    const small = await indicatorsOf(officer, 110003);
    expect(small["ks2-rwm-expected"]?.latest).toBeNull();
    expect(small["ks2-pupils"]?.latest?.display).toBe("60 pupils");
    const runs = await officer.api.indicators.listRuns();
    expect(runs).toMatchObject([
      {
        fileName: "ks2-performance-2024.csv",
        mappingName: "KS2 performance",
        status: "applied",
        applied: 10,
        rejected: 2,
      },
    ]);
  });

  it("finds every value of the same file unchanged the second time, and refuses to apply nothing", async () => {
    const report = await officer.api.indicators.previewImport({
      file: csv("ks2-performance-2024.csv"),
      mapping: ks2Mapping,
    });
    expect(report).toMatchObject({ applied: 0, unchanged: 10 });
    await expect(
      officer.api.indicators.applyImport({ file: csv("ks2-performance-2024.csv"), mapping: ks2Mapping }),
    ).rejects.toMatchObject({ message: expect.stringContaining("nothing to apply") as unknown });
  });

  it("imports next year's file in one step with the saved mapping, and undoing it restores the year before", async () => {
    const saved = await officer.api.indicators.saveMapping({ name: "KS2 performance", mapping: ks2Mapping });
    expect((await officer.api.indicators.listMappings()).map((m) => m.name)).toEqual(["KS2 performance"]);
    const { runId, report } = await officer.api.indicators.applyImport({
      file: csv("ks2-performance-2025.csv"),
      mappingId: saved.id,
      asAtDate: "2025-07-31",
    });
    expect(report).toMatchObject({ applied: 6, filtered: 1, rejected: [] });
    let fen = await indicatorsOf(officer, 110001);
    expect(fen["ks2-rwm-expected"]?.latest).toMatchObject({ value: 68, asAt: "2025-07-31" });
    expect(fen["ks2-rwm-expected"]?.history.map((h) => h.display)).toEqual(["68%", "65%"]);

    await officer.api.indicators.undoRun({ runId });
    fen = await indicatorsOf(officer, 110001);
    expect(fen["ks2-rwm-expected"]?.latest).toMatchObject({ value: 65, asAt: "2024-07-31" });
    expect(fen["ks2-rwm-expected"]?.history).toHaveLength(1);
    expect((await officer.api.indicators.listRuns()).find((r) => r.id === runId)).toMatchObject({
      status: "undone",
      undoneBy: "Policy administrator",
    });
    await expect(officer.api.indicators.undoRun({ runId })).rejects.toMatchObject({
      message: "That import has already been undone.",
    });
    const audit = await world.as("cambridgeshire", "la-senior-officer");
    const actions = (await audit.api.audit.list({ limit: 20 })).entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["indicator-import-applied", "indicator-import-undone"]));
  });
});

describe("importing explore education statistics' attendance (long: repeated rows per school)", () => {
  it("reads only the rows the filters keep, matching schools by LAESTAB written either way", async () => {
    const report = await officer.api.indicators.previewImport({
      file: csv("attendance-school-2023-24-autumn.csv"),
      mapping: attendanceMapping,
    });
    expect(report).toMatchObject({ rows: 9, filtered: 6, applied: 3, skipped: 1 });
    expect(report.rejected).toEqual([
      { line: 10, column: "school_laestab", reason: "There is no school with LAESTAB 8739099 in the register." },
    ]);
  });

  it("refuses a second, different value for a school when the filters leave several rows", async () => {
    const report = await officer.api.indicators.previewImport({
      file: csv("attendance-school-2023-24-autumn.csv"),
      mapping: { ...attendanceMapping, rowFilters: attendanceMapping.rowFilters.slice(0, 2) },
    });
    expect(report.rejected).toContainEqual({
      line: 5,
      column: "sess_overall_percent",
      reason:
        "Line 4 already gives URN 110001 a different value as at 2023-12-22: add a row filter so each school has one row.",
    });
  });

  it("shows a school's staff the indicators schools see, and never an LA-only one", async () => {
    const head = await world.as("cambridgeshire", "headteacher");
    const headUrn = world.tenants.cambridgeshire.schools[0]!.urn;
    await officer.api.indicators.applyImport({
      file: csv(
        "attendance.csv",
        [
          "geographic_level,time_identifier,breakdown,school_urn,school_laestab,sess_overall_percent,enrolments_pa_10_exact_percent",
          `School,Autumn term,Total,${headUrn},,5.25,21.4`,
        ].join("\n"),
      ),
      mapping: { ...attendanceMapping, keyColumn: "school_urn", keyKind: "urn" },
    });
    const seen = await head.api.indicators.forSchool({ urn: headUrn });
    expect(seen.map((i) => i.key)).not.toContain("persistent-absence");
    expect(seen.map((i) => i.key)).not.toContain("finance-rag");
    expect(seen.find((i) => i.key === "overall-absence")?.latest).toMatchObject({ display: "5.3%", current: true });
    expect(JSON.stringify(seen)).not.toContain("21.4");
    const la = await indicatorsOf(officer, headUrn);
    expect(la["persistent-absence"]?.latest?.value).toBe(21.4);
    await expect(head.api.indicators.forSchool({ urn: 110001 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a file or mapping that cannot be imported", () => {
  it("refuses a mapping to an unknown indicator before reading any row, naming the column", async () => {
    const attempt = officer.api.indicators.previewImport({
      file: csv("broken.csv", 'URN,PTRWM_EXP\n110001,"65%\n'),
      mapping: { ...ks2Mapping, columns: [{ column: "PTRWM_EXP", indicator: "ks2-nonsense" }] },
    });
    await expect(attempt).rejects.toMatchObject({
      message: 'The column "PTRWM_EXP" is mapped to "ks2-nonsense", which is not one of the policy\'s indicators.',
      pointer: "/mapping/columns/0/indicator",
    });
  });

  it("refuses a mapping to an indicator whose values do not come from an import", async () => {
    await expect(
      officer.api.indicators.saveMapping({
        name: "Governance",
        mapping: { ...ks2Mapping, columns: [{ column: "TOTPUPS", indicator: "governance-reviewed" }] },
      }),
    ).rejects.toMatchObject({
      message:
        'The column "TOTPUPS" is mapped to Governance review completed, whose values do not come from an import in the policy.',
    });
  });

  it("refuses a malformed CSV with its line, and a file without the mapped column", async () => {
    await expect(
      officer.api.indicators.previewImport({
        file: csv("broken.csv", 'URN,PTRWM_EXP\n110001,"65%\n'),
        mapping: ks2Mapping,
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/not a readable CSV.*line 2/) as unknown });
    await expect(
      officer.api.indicators.previewImport({ file: csv("other.csv", "URN,Name\n110001,Fen\n"), mapping: ks2Mapping }),
    ).rejects.toMatchObject({ message: expect.stringContaining('The file has no column "RECTYPE"') as unknown });
  });

  it("is refused to a role that may not import", async () => {
    await expect(
      adviser.api.indicators.previewImport({ file: csv("ks2-performance-2024.csv"), mapping: ks2Mapping }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adviser.api.indicators.listRuns()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("an XLSX workbook", () => {
  it("reads the first worksheet: text, numbers and date cells, with each rejection on its row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Finance");
    sheet.addRow(["URN", "School", "Rating", "As at"]);
    sheet.addRow([110001, "Fen Primary School", "Amber", new Date("2024-03-31T00:00:00Z")]);
    sheet.addRow([110002, "Marsh Junior School", "green", new Date("2024-03-31T00:00:00Z")]);
    sheet.addRow([110003, "Little Fen", "Purple", new Date("2024-03-31T00:00:00Z")]);
    sheet.addRow([110004, "Newfield", "Red", "31/13/2024"]);
    workbook.addWorksheet("Notes").addRow(["Not read"]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    const mapping = {
      keyColumn: "URN",
      keyKind: "urn" as const,
      asAt: { column: "As at" },
      rowFilters: [],
      columns: [{ column: "Rating", indicator: "finance-rag" }],
    };
    const { report } = await officer.api.indicators.applyImport({
      file: { name: "finance.xlsx", content, encoding: "base64" },
      mapping,
    });
    expect(report).toMatchObject({ rows: 4, applied: 2 });
    expect(report.rejected).toEqual([
      { line: 4, column: "Rating", reason: '"Purple" is not one of the values: Red, Amber, Green.' },
      {
        line: 5,
        column: "As at",
        reason: 'The as-at date "31/13/2024" is not a date (write YYYY-MM-DD or DD/MM/YYYY).',
      },
    ]);
    const marsh = await indicatorsOf(officer, 110002);
    expect(marsh["finance-rag"]?.latest).toMatchObject({ value: "green", display: "Green", asAt: "2024-03-31" });
  });
});

describe("values an officer enters, and answers a school gives", () => {
  it("lets only the roles an indicator names enter it, checked by its type", async () => {
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const entry = { urn: 110001, indicator: "finance-rag", asAt: "2021-09-30", note: "Budget meeting" };
    await expect(adviser.api.indicators.recordValue({ ...entry, value: "red" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(senior.api.indicators.recordValue({ ...entry, value: "crimson" })).rejects.toMatchObject({
      message: '"crimson" is not one of the values: Red, Amber, Green.',
      pointer: "/value",
    });
    await senior.api.indicators.recordValue({ ...entry, value: "Red" });
    const fen = await indicatorsOf(senior, 110001);
    expect(fen["finance-rag"]?.mayRecord).toBe(true);
    expect(fen["finance-rag"]?.history[1]).toMatchObject({
      display: "Red",
      source: "entry",
      sourceDetail: "Budget meeting",
      recordedBy: "LA senior officer",
    });
  });

  it("lets whoever may update a school enter an indicator that names no roles", async () => {
    await adviser.api.indicators.recordValue({
      urn: 110002,
      indicator: "governance-reviewed",
      value: "yes",
      asAt: "2021-09-01",
    });
    const marsh = await indicatorsOf(adviser, 110002);
    expect(marsh["governance-reviewed"]?.latest).toMatchObject({ value: true, display: "Yes" });
    expect(marsh["governance-reviewed"]?.mayRecord).toBe(true);
    expect(marsh["finance-rag"]?.mayRecord).toBe(false);
    await expect(
      officer.api.indicators.recordValue({ urn: 110002, indicator: "ks2-pupils", value: 3, asAt: "2021-09-01" }),
    ).rejects.toMatchObject({ message: expect.stringContaining("is not entered by an officer") as unknown });
  });

  it("stores a form's answer as the indicator's value when the school submits it", async () => {
    const head = await world.as("cambridgeshire", "headteacher");
    const urn = world.tenants.cambridgeshire.schools[0]!.urn;
    const area = (bestFit: string) => ({ bestFit, evidence: "Our evidence." });
    const data = {
      completedBy: "A. Head, headteacher",
      dateCompleted: "2021-10-01",
      leadershipAndManagement: area("medium-support"),
      qualityOfEducation: area("low-support"),
      behaviourAndAttitudes: area("low-support"),
      personalDevelopment: area("low-support"),
    };
    const draft = await head.api.forms.save({ formKey: "school-self-evaluation", schoolUrn: urn, data });
    await head.api.forms.submit({ id: draft.id, revision: draft.revision, data });
    const seen = await head.api.indicators.forSchool({ urn });
    expect(seen.find((i) => i.key === "self-evaluated-leadership")?.latest).toMatchObject({
      value: "medium-support",
      display: "Medium level of support",
      asAt: "2021-10-04",
      source: "form",
    });
  });
});
