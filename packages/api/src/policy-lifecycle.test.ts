import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  findPolicyVersion,
  insertPolicyVersion,
  publishPolicyVersion,
  withTenant,
  type StewardDatabase,
} from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { FORMAT_VERSION } from "@steward/policy-config";

import { provisionSchools, provisionTenant, provisionUser } from "./services/provision.ts";
import {
  closePolicyWorker,
  configurePolicyWorker,
  getPolicyWorkerOptions,
  getPolicyWorkerStats,
} from "./services/worker/pool.ts";
import { TEST_PASSWORD, TestWorld, type TestClient } from "./testing/fixtures/world.ts";
import { containing, matching } from "./testing/matchers.ts";

const goldenV1 = JSON.parse(
  readFileSync(new URL("../../policy-config/src/upgrades/golden/v1-letter-deadlines.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "lifecycle");
});
afterAll(async () => {
  await closePolicyWorker();
  await database?.close();
});

type Doc = Record<string, unknown> & {
  formatVersion: number;
  letterTypes: {
    key: string;
    deadline?: Record<string, unknown>;
    reviewAfter?: unknown;
    reviewAfterDays?: unknown;
    indicators: unknown;
  }[];
  categories: unknown;
};

describe("a policy document stored in an older format", () => {
  let senior: TestClient;
  let oldVersionId: string;

  beforeAll(async () => {
    // An authority whose version in force was stored in format 1 (as an older Steward wrote it), straight into policy_versions.
    const { tenant } = await provisionTenant(database.db, { slug: "lifecycle-format-one", policy: goldenV1 });
    await provisionSchools(database.db, tenant.id, [
      { ...world.tenants.cambridgeshire.schools[0]!, urn: 990_001, laCode: "999" },
    ]);
    await provisionUser(database.db, tenant.id, {
      email: "senior@format-one.test",
      displayName: "Senior officer",
      password: TEST_PASSWORD,
      grants: [{ role: "senior-officer" }],
    });
    await provisionUser(database.db, tenant.id, {
      email: "adviser@format-one.test",
      displayName: "Adviser",
      password: TEST_PASSWORD,
      grants: [{ role: "adviser" }],
    });
    oldVersionId = await withTenant(database.db, tenant.id, async (trx) => {
      const row = await insertPolicyVersion(trx, tenant.id, {
        document: goldenV1,
        formatVersion: 1,
        label: "Stored in format 1",
        basedOnId: null,
        createdBy: null,
      });
      await publishPolicyVersion(trx, row.id, null, new Date());
      expect(((await findPolicyVersion(trx, row.id))!.document as Doc).formatVersion).toBe(1);
      return row.id;
    });
    senior = await world.client().signIn("lifecycle-format-one", "senior@format-one.test");
  });

  it("is read in the current format by every procedure, and the engine works from it", async () => {
    const version = await senior.api.policy.get({ id: oldVersionId });
    const document = version.document as Doc;
    expect(document.formatVersion).toBe(FORMAT_VERSION);
    expect(document.letterTypes[0]!.deadline).toMatchObject({ within: { amount: 21, unit: "calendar-days" } });
    expect(document.letterTypes[0]!.reviewAfterDays).toBeUndefined();
    const exported = JSON.parse((await senior.api.policy.export({ id: oldVersionId })).json) as Doc;
    expect(exported.formatVersion).toBe(FORMAT_VERSION);

    // The case engine runs under the version in force: a notice issued today is due in 21 calendar days.
    await world.at("2025-11-03T09:00:00Z", senior);
    const { caseId } = await senior.api.cases.open({ urn: 990_001 });
    const drafter = await world.client().signIn("lifecycle-format-one", "adviser@format-one.test");
    const drafted = await drafter.api.letters.draft({
      caseId,
      letterType: "warning-notice",
      indicators: [{ key: "low-standards", evidence: "Outcomes below floor" }],
    });
    await senior.api.letters.approve({ caseId, letterId: drafted.letterId });
    await senior.api.letters.issue({ caseId, letterId: drafted.letterId });
    const view = await senior.api.cases.get({ caseId });
    expect(view.letters[0]).toMatchObject({ status: "issued", deadline: "2025-11-24" });
    await world.at("2021-10-04T09:00:00Z", senior);
  });

  it("can be revised: a new draft from it is in the current format, with no problems", async () => {
    const draft = await senior.api.policy.createDraft({ from: "version", versionId: oldVersionId });
    expect(draft.formatVersion).toBe(FORMAT_VERSION);
    expect(draft.problems.filter((p) => p.severity === "error")).toEqual([]);
    const saved = await senior.api.policy.get({ id: draft.id });
    expect(saved.inShape).toBe(true);
    expect((saved.document as Doc).formatVersion).toBe(FORMAT_VERSION);
    const diff = await senior.api.policy.diff({ fromId: oldVersionId, toId: draft.id });
    expect(diff.entries).toEqual([]);
    await senior.api.policy.retire({ id: draft.id });
  });
});

describe("the engine never runs on a draft with problems", () => {
  it("the impact report and the letter preview of an invalid draft return its problems, at their place, not a server error", async () => {
    const admin = await world.as("cambridgeshire", "policy-administrator");
    const draft = await admin.api.policy.createDraft({
      from: "version",
      versionId: world.tenants.cambridgeshire.policyVersionId,
    });
    const { document, revision } = await admin.api.policy.get({ id: draft.id });
    const broken = structuredClone(document) as Doc;
    broken.categories = 5;
    broken.letterTypes[0]!.indicators = null;
    const saved = await admin.api.policy.updateDraft({ id: draft.id, revision, document: broken });
    expect(saved.problems.some((p) => p.pointer === "/categories")).toBe(true);
    // Read back as saved, for the editor, and said to be out of the policy's shape (so no page treats it as a policy).
    const read = await admin.api.policy.get({ id: draft.id });
    expect({ inShape: read.inShape, categories: read.document.categories }).toEqual({ inShape: false, categories: 5 });
    const refusal = {
      code: "BAD_REQUEST",
      message: matching(/^This draft has \d+ problems to fix before/),
      pointer: matching(/^\/document\//),
    };
    await expect(admin.api.policy.impact({ id: draft.id })).rejects.toMatchObject(refusal);
    await expect(
      admin.api.policy.previewLetter({ id: draft.id, letterType: broken.letterTypes[0]!.key }),
    ).rejects.toMatchObject(refusal);
    await admin.api.policy.retire({ id: draft.id });
  });
});

describe("checking a policy is bounded", () => {
  it("a draft's problems are found when it is saved and kept: reading it does not check it again", async () => {
    const admin = await world.as("lincolnshire", "policy-administrator");
    const draft = await admin.api.policy.createDraft({
      from: "version",
      versionId: world.tenants.lincolnshire.policyVersionId,
    });
    const { document, revision } = await admin.api.policy.get({ id: draft.id });
    const broken = structuredClone(document) as { categories: { cadence: { visitType: string }[] }[] };
    broken.categories[0]!.cadence[0]!.visitType = "fortnightly-visit";
    const saved = await admin.api.policy.updateDraft({ id: draft.id, revision, document: broken });
    const before = getPolicyWorkerStats().tasks;
    const read = await admin.api.policy.get({ id: draft.id });
    await admin.api.policy.get({ id: draft.id });
    expect(getPolicyWorkerStats().tasks).toBe(before);
    expect(read.problems).toEqual(saved.problems);
    expect(read.problems.map((p) => p.pointer)).toContain("/categories/0/cadence/0/visitType");
    // They are kept with the revision they belong to.
    const stored = await withTenant(database.db, world.tenants.lincolnshire.tenant.id, (trx) =>
      findPolicyVersion(trx, draft.id),
    );
    expect({ problems: stored!.problems, validatedRevision: stored!.validated_revision }).toEqual({
      problems: saved.problems,
      validatedRevision: saved.revision,
    });
    await admin.api.policy.retire({ id: draft.id });
  });

  it("a draft saved before problems were kept is checked once, on the worker, when first read", async () => {
    const admin = await world.as("lincolnshire", "policy-administrator");
    const { document } = await admin.api.policy.get({ id: world.tenants.lincolnshire.policyVersionId });
    const id = await withTenant(
      database.db,
      world.tenants.lincolnshire.tenant.id,
      async (trx) =>
        (
          await insertPolicyVersion(trx, world.tenants.lincolnshire.tenant.id, {
            document,
            formatVersion: FORMAT_VERSION,
            label: "Saved by an older Steward",
            basedOnId: null,
            createdBy: null,
          })
        ).id,
    );
    const before = getPolicyWorkerStats().tasks;
    expect((await admin.api.policy.get({ id })).problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(getPolicyWorkerStats().tasks).toBe(before + 1);
    await admin.api.policy.get({ id });
    expect(getPolicyWorkerStats().tasks).toBe(before + 1);
    await admin.api.policy.retire({ id });
  });

  it("a check that takes too long is stopped with a sentence, and the draft is not saved", async () => {
    const admin = await world.as("lincolnshire", "policy-administrator");
    const draft = await admin.api.policy.createDraft({
      from: "version",
      versionId: world.tenants.lincolnshire.policyVersionId,
    });
    const { document, revision } = await admin.api.policy.get({ id: draft.id });
    const timeoutMs = getPolicyWorkerOptions().timeoutMs;
    configurePolicyWorker({ timeoutMs: 1 });
    try {
      await expect(admin.api.policy.validate({ document })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: containing("This policy took too long to check"),
      });
      await expect(
        admin.api.policy.updateDraft({
          id: draft.id,
          revision,
          document: { ...document, strategy: { title: "Changed" } },
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: containing("took too long") });
    } finally {
      configurePolicyWorker({ timeoutMs });
    }
    const after = await admin.api.policy.get({ id: draft.id });
    expect(after.revision).toBe(revision);
    expect(after.document).toEqual(document);
    await admin.api.policy.retire({ id: draft.id });
  });
});

describe("publishing does what its impact report said", () => {
  const cases = [
    // Mapped into a category whose automatic transition moves a maintained school on.
    {
      tenant: "cambridgeshire" as const,
      officer: "la-senior-officer",
      from: "medium-support",
      to: "high-support",
      stageBefore: "support-and-challenge",
      stageAfter: "intervention-and-support",
    },
    {
      tenant: "lincolnshire" as const,
      officer: "head-of-school-standards",
      from: "vulnerable",
      to: "high-risk",
      stageBefore: "support-monitor-and-challenge",
      stageAfter: "strategy",
    },
  ];
  it.each(cases)(
    "$tenant: a case an automatic transition moves on publishing is reported as changing stage, and publishing moves exactly the reported cases",
    async ({ tenant, officer, from, to, stageBefore, stageAfter }) => {
      const t = world.tenants[tenant];
      const staff = await world.as(tenant, officer);
      const admin = await world.as(tenant, "policy-administrator");
      const { caseId } = await staff.api.cases.open({ urn: t.schools[1]!.urn });
      await staff.api.assessments.decide({
        caseId,
        category: from,
        effectiveFrom: "2021-10-04",
        rationale: "As the evidence shows",
      });
      expect((await staff.api.cases.get({ caseId })).stage?.key).toBe(stageBefore);

      const draft = await admin.api.policy.createDraft({ from: "version", versionId: t.policyVersionId });
      const mapping = { categories: { [from]: to } };
      const impact = await admin.api.policy.impact({ id: draft.id, mapping });
      expect(impact.cases.find((c) => c.caseId === caseId)).toMatchObject({
        category: { before: from, after: to, changed: true },
        stage: { before: stageBefore, after: stageAfter, changed: true },
      });

      const published = await admin.api.policy.publish({ id: draft.id, revision: draft.revision, mapping });
      // Publishing does what the report said of cases; the report's parts about people (roles, forms, drafts)
      // are for the administrator before publishing.
      const { permissions: _permissions, forms: _forms, drafts: _drafts, ...ofCases } = impact;
      expect(published.impact).toEqual(ofCases);
      for (const reported of impact.cases) {
        const view = await staff.api.cases.get({ caseId: reported.caseId });
        expect({
          caseId: reported.caseId,
          category: view.category?.key ?? null,
          stage: view.stage?.key ?? null,
        }).toEqual({ caseId: reported.caseId, category: reported.category.after, stage: reported.stage.after });
      }
      t.policyVersionId = draft.id;
    },
  );
});

describe("a published document damaged in storage", () => {
  it("is refused with a sentence and the place of the damage, never read half-typed", async () => {
    const broken = structuredClone(goldenV1) as Doc;
    delete broken.categories;
    const { tenant } = await provisionTenant(database.db, { slug: "lifecycle-damaged", policy: goldenV1 });
    await provisionUser(database.db, tenant.id, {
      email: "senior@damaged.test",
      displayName: "Senior officer",
      password: TEST_PASSWORD,
      grants: [{ role: "senior-officer" }],
    });
    const damagedId = await withTenant(database.db, tenant.id, async (trx) => {
      const row = await insertPolicyVersion(trx, tenant.id, {
        document: broken,
        formatVersion: 1,
        label: "Damaged in storage",
        basedOnId: null,
        createdBy: null,
      });
      await publishPolicyVersion(trx, row.id, null, new Date());
      return row.id;
    });
    const senior = await world.client().signIn("lifecycle-damaged", "senior@damaged.test");
    await expect(senior.api.policy.get({ id: damagedId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: containing("document cannot be read"),
      pointer: matching(/^\/document/),
    });
  });
});
