import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument, RegisterDefinition } from "@steward/policy-config";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";
import { containing } from "./testing/matchers.ts";

let database: StewardDatabase;
let world: TestWorld;
let caseId: string;
let secondCaseId: string;
let senior: TestClient;
let adviser: TestClient;
let head: TestClient;

const concernSchema = {
  type: "object",
  required: ["source", "summary"],
  properties: {
    source: { type: "string", title: "Source", enum: ["parent", "ofsted", "other-service"] },
    summary: { type: "string", title: "Summary", minLength: 1 },
  },
};

/** Cambridgeshire's policy (a clone) with two registers: one for the LA only, one schools see. */
function withRegisters(key: "cambridgeshire" | "lincolnshire", policy: PolicyDocument): PolicyDocument {
  const la = key === "cambridgeshire" ? "school-improvement-adviser" : "education-locality-lead";
  const top = key === "cambridgeshire" ? "la-senior-officer" : "head-of-school-standards";
  const concerns: RegisterDefinition = {
    key: "concerns",
    label: "Register of concern",
    entryLabel: "concern",
    occurredOnLabel: "Date the concern was received",
    schema: concernSchema,
    // Not visible to schools (the validator refuses a school role in its access lists; the engine's own test
    // shows that such a listing would give nothing anyway).
    access: { log: [la, top], read: [la, top], close: [top] },
    visibleToSchools: false,
  };
  const complaints: RegisterDefinition = {
    key: "complaints",
    label: "Complaints",
    entryLabel: "complaint",
    schema: { type: "object", required: ["summary"], properties: { summary: { type: "string", title: "Summary" } } },
    access: { log: [top], read: [top, "headteacher"], close: [top] },
    visibleToSchools: true,
  };
  return { ...policy, registers: [...(policy.registers ?? []), concerns, complaints] };
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "reg", withRegisters);
  const t = world.tenants.cambridgeshire;
  senior = await world.as("cambridgeshire", "la-senior-officer");
  adviser = await world.as("cambridgeshire", "school-improvement-adviser");
  head = await world.as("cambridgeshire", "headteacher");
  caseId = (await senior.api.cases.open({ urn: t.schools[0]!.urn })).caseId;
  secondCaseId = (await senior.api.cases.open({ urn: t.schools[1]!.urn })).caseId;
  await adviser.api.registers.logEntry({
    caseId,
    register: "concerns",
    occurredOn: "2021-09-20",
    fields: { source: "parent", summary: "CONFIDENTIAL CONCERN about safeguarding" },
  });
  await senior.api.registers.logEntry({
    caseId,
    register: "complaints",
    occurredOn: "2021-10-01",
    fields: { summary: "Complaint about the school's own provision" },
  });
  await senior.api.registers.logEntry({
    caseId: secondCaseId,
    register: "complaints",
    occurredOn: "2021-09-28",
    fields: { summary: "OTHER SCHOOL complaint" },
  });
});
afterAll(async () => database?.close());

describe("logging and closing register entries", () => {
  it("shows the logged entry on the case, dated the day it happened, with the timeline line and the audit row", async () => {
    const view = await adviser.api.cases.get({ caseId });
    const concerns = view.registers.find((r) => r.key === "concerns")!;
    expect(concerns).toMatchObject({
      label: "Register of concern",
      entryLabel: "concern",
      occurredOnLabel: "Date the concern was received",
      canLog: true,
      schema: concernSchema,
    });
    expect(concerns.entries).toEqual([
      expect.objectContaining({
        occurredOn: "2021-09-20",
        loggedAt: "2021-10-04T09:00:00.000Z",
        loggedBy: "School Improvement Adviser",
        status: "open",
        fields: { source: "parent", summary: "CONFIDENTIAL CONCERN about safeguarding" },
        canClose: false,
      }),
    ]);
    // The adviser is in no list of the test's complaints register: not even its name shows (Cambridgeshire's
    // own register of parental complaints, which advisers read, comes first).
    expect(view.registers.map((r) => r.key)).toEqual(["parental-complaints", "concerns"]);
    expect(view.timeline.map((l) => l.summary)).toContain(
      "Concern logged in Register of concern, dated 20 September 2021",
    );
    const audit = await (
      await world.as("cambridgeshire", "policy-administrator")
    ).api.audit.list({
      action: "log-register-entry",
    });
    expect(audit.entries).toHaveLength(3);
    expect(audit.entries.map((e) => e.detail)).toContainEqual(
      expect.objectContaining({ register: "concerns", occurredOn: "2021-09-20", fields: "(entry fields)" }),
    );
    expect(JSON.stringify(audit.entries)).not.toContain("CONFIDENTIAL CONCERN");
  });

  it("refuses fields that do not answer the register's schema, naming the field", async () => {
    await expect(
      adviser.api.registers.logEntry({
        caseId,
        register: "concerns",
        occurredOn: "2021-09-20",
        fields: { source: "parent" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", pointer: "/fields/summary", message: containing("summary") });
    await expect(
      adviser.api.registers.logEntry({
        caseId,
        register: "concerns",
        occurredOn: "2021-10-05",
        fields: { source: "parent", summary: "x" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", pointer: "/occurredOn" });
  });

  it("refuses a role not in the register's log list", async () => {
    await expect(
      adviser.api.registers.logEntry({
        caseId,
        register: "complaints",
        occurredOn: "2021-09-20",
        fields: { summary: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      head.api.registers.logEntry({
        caseId,
        register: "complaints",
        occurredOn: "2021-09-20",
        fields: { summary: "x" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("closes an entry with a note, by a role in its close list only, and the list follows", async () => {
    const { logged } = await logConcern("To be closed");
    await expect(adviser.api.registers.closeEntry({ caseId, entryId: logged, note: "Done" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(senior.api.registers.closeEntry({ caseId, entryId: logged, note: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await senior.api.registers.closeEntry({ caseId, entryId: logged, note: "Resolved with the school." });
    const view = await senior.api.cases.get({ caseId });
    expect(view.registers.find((r) => r.key === "concerns")!.entries.find((e) => e.id === logged)).toMatchObject({
      status: "closed",
      closedBy: "LA senior officer",
      closeNote: "Resolved with the school.",
      canClose: false,
    });
    const closed = await senior.api.registers.listEntries({ status: "closed" });
    expect(closed.items.map((i) => i.id)).toEqual([logged]);
    expect(closed.total).toBe(1);
    expect(view.timeline.map((l) => l.summary)).toContain("Concern closed: Resolved with the school.");
  });
});

/** Logs a concern on the first case and returns its id (from the case view: the command returns event types). */
async function logConcern(summary: string) {
  await adviser.api.registers.logEntry({
    caseId,
    register: "concerns",
    occurredOn: "2021-10-01",
    fields: { source: "ofsted", summary },
  });
  const view = await adviser.api.cases.get({ caseId });
  const entry = view.registers.find((r) => r.key === "concerns")!.entries.find((e) => e.fields.summary === summary)!;
  return { logged: entry.id };
}

describe("the register list and its CSV", () => {
  it("lists entries across schools with filters, paging and a total", async () => {
    const all = await senior.api.registers.listEntries({});
    expect(all.registers.map((r) => r.key)).toEqual(["parental-complaints", "concerns", "complaints"]);
    const complaints = await senior.api.registers.listEntries({ register: "complaints" });
    expect(complaints.total).toBe(2);
    expect(complaints.items.map((i) => i.school.name)).toEqual([
      "cambridgeshire Primary School",
      "cambridgeshire Junior School",
    ]);
    const junior = await senior.api.registers.listEntries({ school: "junior" });
    expect(junior.items.map((i) => i.fields.summary)).toEqual(["OTHER SCHOOL complaint"]);
    const early = await senior.api.registers.listEntries({ occurredTo: "2021-09-25" });
    expect(early.items.map((i) => i.occurredOn)).toEqual(["2021-09-20"]);
    const page = await senior.api.registers.listEntries({ limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(all.total);
  });

  it("exports the same filter as a CSV, with the register's fields as columns", async () => {
    const { csv, filename } = await senior.api.registers.exportEntries({ register: "complaints" });
    expect(filename).toMatch(/^complaints-2021-10-04\.csv$/);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      "School URN,School,Register,Date it happened,Logged on,Logged by,Status,Summary,Closed on,Closed by,Close note",
    );
    expect(lines).toHaveLength(3);
    expect(csv).toContain("Complaint about the school's own provision");
    expect(csv).not.toContain("CONFIDENTIAL CONCERN");
  });
});

describe("what school staff see of registers", () => {
  it("never shows a school user an LA-only register's entries: case view, timeline, list, total or CSV", async () => {
    const view = await head.api.cases.get({ caseId });
    expect(view.registers.map((r) => r.key)).toEqual(["complaints"]);
    const complaints = view.registers[0]!;
    expect(complaints.canLog).toBe(false);
    expect(complaints.schema).toBeUndefined();
    expect(complaints.entries.map((e) => e.fields.summary)).toEqual(["Complaint about the school's own provision"]);
    expect(view.timeline.map((l) => l.summary)).toContain("Complaint logged in Complaints, dated 1 October 2021");
    expect(JSON.stringify(view)).not.toMatch(/CONFIDENTIAL CONCERN|Register of concern|Resolved with the school/);

    const list = await head.api.registers.listEntries({});
    expect(list.total).toBe(1);
    expect(list.items.map((i) => i.fields.summary)).toEqual(["Complaint about the school's own provision"]);
    expect(list.registers.map((r) => r.key)).toEqual(["complaints"]);
    expect((await head.api.registers.listEntries({ register: "concerns" })).total).toBe(0);

    const { csv } = await head.api.registers.exportEntries({});
    expect(csv).not.toMatch(/CONFIDENTIAL CONCERN|OTHER SCHOOL/);
    expect(csv).toContain("Complaint about the school's own provision");
  });

  it("shows a headteacher none of another school's entries", async () => {
    const other = await world.as("cambridgeshire", "other-headteacher");
    const list = await other.api.registers.listEntries({});
    expect(list.items.map((i) => i.fields.summary)).toEqual(["OTHER SCHOOL complaint"]);
    expect(list.total).toBe(1);
  });
});

describe("another authority", () => {
  it("sees none of the entries, and cannot log on the case", async () => {
    const lincs = await world.as("lincolnshire", "head-of-school-standards");
    const list = await lincs.api.registers.listEntries({});
    expect(list.total).toBe(0);
    expect(list.items).toEqual([]);
    const { csv } = await lincs.api.registers.exportEntries({});
    expect(csv).not.toContain("complaint");
    await expect(
      lincs.api.registers.logEntry({
        caseId,
        register: "complaints",
        occurredOn: "2021-09-20",
        fields: { summary: "x" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
