import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";
import { containing, matching } from "./testing/matchers.ts";

let database: StewardDatabase;
let world: TestWorld;
let admin: TestClient;
let senior: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "policy");
  admin = await world.as("cambridgeshire", "policy-administrator");
  senior = await world.as("cambridgeshire", "la-senior-officer");
});
afterAll(async () => database?.close());

const auditCount = async () => (await admin.api.audit.list({ limit: 500 })).entries.length;

describe("the policy lifecycle over the API", () => {
  it("refuses to edit a published version", async () => {
    const published = world.tenants.cambridgeshire.policyVersionId;
    const version = await admin.api.policy.get({ id: published });
    await expect(
      admin.api.policy.updateDraft({ id: published, revision: version.revision, document: version.document }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: containing("cannot be edited") });
  });

  it("of two edits made from the same revision, saves the first and refuses the second; nothing is lost", async () => {
    const draft = await admin.api.policy.createDraft({
      from: "version",
      versionId: world.tenants.cambridgeshire.policyVersionId,
    });
    const { document, revision } = await admin.api.policy.get({ id: draft.id });
    const first = structuredClone(document) as { strategy: { title: string } };
    first.strategy.title = "First editor's title";
    const second = structuredClone(document) as { strategy: { title: string } };
    second.strategy.title = "Second editor's title";
    const results = await Promise.allSettled([
      admin.api.policy.updateDraft({ id: draft.id, revision, document: first }),
      (await world.as("cambridgeshire", "policy-administrator")).api.policy.updateDraft({
        id: draft.id,
        revision,
        document: second,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: "CONFLICT",
      message: containing("Someone else saved this draft"),
    });
    const saved = await admin.api.policy.get({ id: draft.id });
    expect(saved.revision).toBe(revision + 1);
    const winner = results.findIndex((r) => r.status === "fulfilled");
    expect((saved.document as { strategy: { title: string } }).strategy.title).toBe(
      winner === 0 ? "First editor's title" : "Second editor's title",
    );
    await admin.api.policy.retire({ id: draft.id });
  });

  it("saves a draft with problems, shows each at its place, and will not publish it", async () => {
    const draft = await admin.api.policy.createDraft({
      from: "version",
      versionId: world.tenants.cambridgeshire.policyVersionId,
    });
    const { document, revision } = await admin.api.policy.get({ id: draft.id });
    const broken = structuredClone(document) as {
      categories: { cadence: { visitType: string }[] }[];
      letterTypes: { template: { body: string } }[];
    };
    broken.categories[2]!.cadence[0]!.visitType = "fortnightly-visit";
    broken.letterTypes[0]!.template.body = "<p>Dear {{ recipient.name </p>";
    const saved = await admin.api.policy.updateDraft({ id: draft.id, revision, document: broken });
    const pointers = saved.problems.filter((p) => p.severity === "error").map((p) => p.pointer);
    expect(pointers).toContain("/categories/2/cadence/0/visitType");
    expect(pointers.some((p) => p.startsWith("/letterTypes/0/template/body"))).toBe(true);
    await expect(admin.api.policy.publish({ id: draft.id, revision: saved.revision })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: containing("to fix before it can be published"),
    });
    const versions = await admin.api.policy.list();
    expect(versions.find((v) => v.id === draft.id)?.status).toBe("draft");
    await admin.api.policy.retire({ id: draft.id });
  });

  it("previews a version's letter as the school will see it", async () => {
    const preview = await admin.api.policy.previewLetter({
      id: world.tenants.cambridgeshire.policyVersionId,
      letterType: "warning-notice",
    });
    expect(preview.html).toContain("Example Primary School");
    expect(preview.subject.length).toBeGreaterThan(0);
    await expect(
      admin.api.policy.previewLetter({
        id: world.tenants.cambridgeshire.policyVersionId,
        letterType: "no-such-letter",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("previews the letter editor's unsaved template against a real school, with [not set] where a field has no value", async () => {
    const school = world.tenants.cambridgeshire.schools[0]!;
    const preview = await admin.api.policy.previewLetter({
      id: world.tenants.cambridgeshire.policyVersionId,
      letterType: "warning-notice",
      template: {
        subject: "About {{ school.name }}",
        body: "<p>For {{ school.name }} ({{ school.urn }}): {{ letter.notes }}</p>",
      },
      schoolUrn: school.urn,
    });
    expect(preview.subject).toBe(`About ${school.name}`);
    expect(preview.html).toBe(`<p>For ${school.name} (${school.urn}): [not set]</p>`);
    await expect(
      admin.api.policy.previewLetter({
        id: world.tenants.cambridgeshire.policyVersionId,
        letterType: "warning-notice",
        template: { subject: "x", body: "<p>{{ school.nickname }}</p>" },
      }),
    ).rejects.toThrow(/school.nickname/);
    await expect(
      admin.api.policy.previewLetter({
        id: world.tenants.cambridgeshire.policyVersionId,
        letterType: "warning-notice",
        schoolUrn: 999_999_999,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("publishes a revised draft with its impact: cases moved, categories and workload before and after", async () => {
    const { caseId } = await senior.api.cases.open({ urn: world.tenants.cambridgeshire.schools[0]!.urn });
    const officers = await senior.api.users.list({ officersOnly: true });
    await senior.api.cases.assign({
      caseId,
      officerId: officers.find((o) => o.grants[0]!.role === "school-improvement-adviser")!.id,
    });
    await senior.api.assessments.decide({ caseId, category: "medium-support", effectiveFrom: "2021-10-04" });

    const draft = await admin.api.policy.createDraft({
      from: "version",
      versionId: world.tenants.cambridgeshire.policyVersionId,
    });
    const { document, revision } = await admin.api.policy.get({ id: draft.id });
    const revised = structuredClone(document) as {
      categories: { key: string; cadence: { frequency: { every: number; unit: string } }[] }[];
    };
    revised.categories.find((c) => c.key === "medium-support")!.cadence[0]!.frequency = { every: 1, unit: "month" };
    const saved = await admin.api.policy.updateDraft({ id: draft.id, revision, document: revised });

    const diff = await admin.api.policy.diff({ fromId: world.tenants.cambridgeshire.policyVersionId, toId: draft.id });
    expect(diff.entries.map((e) => e.message).join("\n")).toMatch(/half-termly.*monthly|monthly/i);
    expect(diff.patch.length).toBeGreaterThan(0);

    const impact = await admin.api.policy.impact({ id: draft.id });
    const row = impact.workload.find((w) => w.after !== w.before);
    expect(row, "the adviser's visits per half-term change").toBeDefined();
    expect(impact.cases.find((c) => c.caseId === caseId)).toMatchObject({
      category: { before: "medium-support", after: "medium-support" },
      problems: [],
    });

    const published = await admin.api.policy.publish({ id: draft.id, revision: saved.revision });
    expect(published.impact.cases.length).toBeGreaterThan(0);
    const versions = await admin.api.policy.list();
    expect(versions.find((v) => v.id === draft.id)?.status).toBe("published");
    expect(versions.find((v) => v.id === world.tenants.cambridgeshire.policyVersionId)?.status).toBe("retired");
    const view = await senior.api.cases.get({ caseId });
    expect(view.policyVersionId).toBe(draft.id);
    expect(view.timeline.map((t) => t.summary)).toContain("Moved to a new policy version");
    world.tenants.cambridgeshire.policyVersionId = draft.id;
  });
});

describe("bad input gets a clear error, and writes nothing", () => {
  it("refuses wrong types, oversized text and unknown fields, saying where", async () => {
    const before = await auditCount();
    await expect(senior.api.cases.open({ urn: "123" as unknown as number })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(senior.api.cases.open({ urn: 1, extra: true } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: containing('"extra"'),
    });
    const { items } = await senior.api.cases.list({ limit: 1 });
    await expect(senior.api.cases.close({ caseId: items[0]!.id, reason: "x".repeat(2001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: containing("2000 characters or fewer"),
    });
    await expect(
      senior.api.visits.schedule({
        caseId: items[0]!.id,
        visitType: "school-improvement-adviser-visit",
        date: "2021-02-30",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await auditCount()).toBe(before);
    expect((await senior.api.cases.get({ caseId: items[0]!.id })).status).toBe("open");
  });

  it("a refused command leaves the case exactly as it was", async () => {
    const { items } = await senior.api.cases.list({ limit: 1 });
    const before = await senior.api.cases.get({ caseId: items[0]!.id });
    await expect(
      senior.api.meetings.record({
        caseId: items[0]!.id,
        meetingType: "laig",
        date: "2021-10-04",
        attendees: ["A"],
        minutes: "",
        keyPoints: ["1", "2", "3", "4", "5", "6"],
        progress: "strong-progress",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: containing("at most 5 key points"),
    });
    const after = await senior.api.cases.get({ caseId: items[0]!.id });
    expect(after.version).toBe(before.version);
    expect(after.meetings).toEqual(before.meetings);
  });

  it("refuses a file that is not a register, and reports every rejected row with its line", async () => {
    await expect(
      admin.api.schools.import({ kind: "establishments", csv: 'this,is\nnot,"a register' }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: matching(/not a readable CSV|no "URN" column/),
    });
    await expect(
      admin.api.schools.import({ kind: "establishments", csv: "Name,Town\nA school,Ely\n" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: containing('no "URN" column') });
    const csv = [
      "URN,LA (code),EstablishmentName,EstablishmentTypeGroup (name),TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),OpenDate",
      "abc,873,Broken School,Local authority maintained schools,Community school,Open,Primary,",
      "123457,873,Good School,Local authority maintained schools,Community school,Open,Primary,01-09-1990",
      "123458,873,Private School,Independent schools,Other independent school,Open,Primary,",
      "123459,873,Closed School,Academies,Academy converter,Closed,Secondary,31-02-2020",
    ].join("\n");
    const report = await admin.api.schools.import({ kind: "establishments", csv });
    expect(report.added).toEqual([123457]);
    expect(report.rejected).toEqual([
      { line: 2, urn: "abc", reason: containing("URN") },
      { line: 5, urn: "123459", reason: containing("not a real date") },
    ]);
    expect(report.skipped).toBe(1);
  });
});

describe("the GIAS importer reads both layouts by header name", () => {
  const sample = (year: string) => new URL(`../demo/gias_edubasealldata_format_${year}_sample.csv`, import.meta.url);
  it.each(["2018", "2025"])("imports the %s layout, then reports no change on a second run", async (year) => {
    // The samples are other LAs' schools: read as this authority's.
    const csv = readFileSync(sample(year), "utf8").replace(/^("\d+"),"\d+"/gm, '$1,"873"');
    const first = await admin.api.schools.import({ kind: "establishments", csv });
    expect(first.rejected).toEqual([]);
    const again = await admin.api.schools.import({ kind: "establishments", csv });
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toBe(first.added.length + first.updated.length);
  });
});
