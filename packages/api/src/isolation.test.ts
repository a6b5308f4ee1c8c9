import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import {
  actionSubject,
  assessmentSubject,
  buildAbility,
  canOnEvery,
  caseSubject,
  formResponseSubject,
  letterSubject,
  meetingSubject,
  NO_SCHOOL_ATTRIBUTES,
  visitSubject,
  type CaseFacts,
  type PermissionTarget,
} from "@steward/domain";
import type { Action, Subject } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { sampleFromSchema } from "./demo/sample-data.ts";
import { provisionSchools, provisionTenant, provisionUser } from "./services/provision.ts";
import { TEST_PASSWORD, TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
const caseOf: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "iso");
  // In each authority: a case for the first school with a confidential meeting, an
  // unpublished report and a draft letter; a case for the second school.
  for (const key of ["cambridgeshire", "lincolnshire"] as const) {
    const t = world.tenants[key];
    const senior = await world.as(key, key === "cambridgeshire" ? "la-senior-officer" : "head-of-school-standards");
    const first = await senior.api.cases.open({ urn: t.schools[0]!.urn });
    const second = await senior.api.cases.open({ urn: t.schools[1]!.urn });
    caseOf[key] = first.caseId;
    caseOf[`${key}-second`] = second.caseId;
    const category = t.policy.categories.at(-1)!.key;
    await senior.api.assessments.decide({ caseId: first.caseId, category, effectiveFrom: "2021-10-04" });
    const meeting = t.policy.meetingTypes.find((m) => m.progressJudgements.length > 0 && m.confidential)!;
    await senior.api.meetings.record({
      caseId: first.caseId,
      meetingType: meeting.key,
      date: "2021-10-04",
      attendees: ["Headteacher"],
      minutes: "CONFIDENTIAL MINUTES",
      keyPoints: ["A shared point"],
      progress: meeting.progressJudgements[0]!.key,
    });
    const letterType = t.policy.letterTypes.find(
      (l) => !l.applicability?.governance || l.applicability.governance.includes("maintained"),
    )!;
    const drafter = await world.as(key, letterType.permissions.draft[0]!);
    await drafter.api.letters.draft({
      caseId: first.caseId,
      letterType: letterType.key,
      indicators: [{ key: letterType.indicators[0]!.key, evidence: "DRAFT EVIDENCE" }],
    });
  }
});
afterAll(async () => database?.close());

describe("tenants never see each other", () => {
  it("a user of one authority naming the other's case, school or policy gets 'not found'", async () => {
    const cambs = await world.as("cambridgeshire", "la-senior-officer");
    await expect(cambs.api.cases.get({ caseId: caseOf.lincolnshire! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cambs.api.cases.at({ caseId: caseOf.lincolnshire!, date: "2021-10-04" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(cambs.api.schools.get({ urn: world.tenants.lincolnshire.schools[0]!.urn })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(cambs.api.policy.get({ id: world.tenants.lincolnshire.policyVersionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      cambs.api.visits.schedule({ caseId: caseOf.lincolnshire!, visitType: "core-visit", date: "2021-10-05" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = await cambs.api.cases.list({ limit: 1000 });
    expect(list.items.map((c) => c.id)).not.toContain(caseOf.lincolnshire);
    expect(list.items.every((c) => world.tenants.cambridgeshire.schools.some((s) => s.urn === c.school.urn))).toBe(
      true,
    );
    const audit = await (await world.as("cambridgeshire", "policy-administrator")).api.audit.list({});
    expect(audit.entries.some((e) => e.subjectId === caseOf.lincolnshire)).toBe(false);
  });

  it("a session cookie edited to name the other authority finds no session", async () => {
    const client = await world.as("cambridgeshire", "la-senior-officer");
    const [, token] = client.cookies.steward_session!.split(".");
    client.cookies.steward_session = `${world.tenants.lincolnshire.tenant.id}.${token}`;
    expect(await client.api.auth.me()).toBeNull();
  });
});

describe("school staff see their own school's case, as far as the policy allows", () => {
  it("another school's case is 'not found', and lists hold only their school", async () => {
    const head = await world.as("cambridgeshire", "headteacher");
    await expect(head.api.cases.get({ caseId: caseOf["cambridgeshire-second"]! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const list = await head.api.cases.list({});
    expect(list.items.map((c) => c.id)).toEqual([caseOf.cambridgeshire]);
    const schools = await head.api.schools.list({});
    expect(schools.items.map((s) => s.urn)).toEqual([world.tenants.cambridgeshire.schools[0]!.urn]);
    const other = await world.as("cambridgeshire", "other-headteacher");
    await expect(other.api.cases.get({ caseId: caseOf.cambridgeshire! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.api.letters.pdf({ caseId: caseOf.cambridgeshire!, letterId: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("never receives confidential minutes, draft letters or LA-only detail", async () => {
    for (const key of ["cambridgeshire", "lincolnshire"] as const) {
      const head = await world.as(key, "headteacher");
      const view = await head.api.cases.get({ caseId: caseOf[key]! });
      const text = JSON.stringify(view);
      expect(text).not.toContain("CONFIDENTIAL MINUTES");
      expect(text).not.toContain("DRAFT EVIDENCE");
      expect(view.meetings[0]?.minutes).toBeUndefined();
      expect(view.meetings[0]?.keyPoints).toEqual(["A shared point"]);
      expect(view.letters).toEqual([]);
      expect(view.assessments).toEqual([]);
      expect(view.stageHistory).toEqual([]);
      expect(view.can.draftLetter).toBe(false);
    }
  });

  it("does not see the category where the policy keeps it from schools", async () => {
    const policy = structuredClone<typeof cambridgeshire>(cambridgeshire);
    for (const c of policy.categories) c.visibleToSchool = false;
    const { tenant } = await provisionTenant(database.db, { slug: "iso-hidden", policy });
    await provisionSchools(database.db, tenant.id, [world.tenants.cambridgeshire.schools[0]!]);
    const urn = world.tenants.cambridgeshire.schools[0]!.urn;
    await provisionUser(database.db, tenant.id, {
      email: "senior@hidden.test",
      displayName: "Senior",
      password: TEST_PASSWORD,
      grants: [{ role: "la-senior-officer" }],
    });
    await provisionUser(database.db, tenant.id, {
      email: "head@hidden.test",
      displayName: "Head",
      password: TEST_PASSWORD,
      grants: [{ role: "headteacher", schoolUrn: urn }],
    });
    const senior = await world.client().signIn("iso-hidden", "senior@hidden.test");
    const { caseId } = await senior.api.cases.open({ urn });
    await senior.api.assessments.decide({ caseId, category: "high-support", effectiveFrom: "2021-10-04" });
    const head = await world.client().signIn("iso-hidden", "head@hidden.test");
    const view = await head.api.cases.get({ caseId });
    expect(view.category).toBeNull();
    expect(view.categoryHidden).toBe(true);
    expect(JSON.stringify(view)).not.toContain("high-support");
    expect((await head.api.cases.list({})).items[0]!.category).toBeNull();
    expect((await senior.api.cases.get({ caseId })).category?.key).toBe("high-support");
  });
});

describe("every role may do exactly what its policy says", () => {
  type Key = "cambridgeshire" | "lincolnshire";
  const policyOf = (key: Key) => world.tenants[key].policy;
  const visitTypeOf = (key: Key) =>
    policyOf(key).visitTypes.find(
      (v) => !v.applicability?.governance || v.applicability.governance.includes("maintained"),
    )!;
  const meetingTypeOf = (key: Key) =>
    policyOf(key).meetingTypes.find(
      (m) =>
        m.progressJudgements.length > 0 &&
        (!m.applicability?.governance || m.applicability.governance.includes("maintained")),
    )!;
  const letterTypeOf = (key: Key) =>
    policyOf(key).letterTypes.find(
      (l) => !l.applicability?.governance || l.applicability.governance.includes("maintained"),
    )!;
  /** The second case as permission checks see it (not categorised, at the first stage, open). */
  const caseAt = (urn: number): CaseFacts => ({
    schoolUrn: urn,
    school: NO_SCHOOL_ATTRIBUTES,
    assignedOfficerId: null,
    category: null,
    stage: "any-stage",
    status: "open",
  });
  const checks: {
    name: string;
    action: Action;
    subject: Subject;
    record?: (urn: number, key: Key) => PermissionTarget;
    roles?: (key: Key) => readonly string[];
    run: (c: TestClient, key: Key) => Promise<unknown>;
  }[] = [
    {
      name: "see the dashboard",
      action: "read",
      subject: "Case",
      record: (urn) => caseSubject(caseAt(urn)),
      run: async (c, key) => {
        const list = await c.api.cases.list({});
        // Reading cases at all, but not this school's, shows up as an empty list.
        if (!list.items.some((i) => i.id === caseOf[`${key}-second`]))
          throw Object.assign(new Error("not in the list"), { code: "NOT_FOUND" });
      },
    },
    {
      name: "assign an officer",
      action: "assign",
      subject: "Case",
      record: (urn) => caseSubject(caseAt(urn)),
      run: async (c, key) => {
        const officer = (
          await (
            await world.as(
              key,
              policyOf(key).roles.find(
                (r) =>
                  r.audience === "la" &&
                  r.rules.some((x) => [x.action].flat().includes("manage") || [x.subject].flat().includes("all")),
              )?.key ?? policyOf(key).roles[0]!.key,
            )
          ).api.users.list({})
        ).find((u) => u.grants.every((g) => g.schoolUrn === undefined))!;
        return c.api.cases.assign({ caseId: caseOf[`${key}-second`]!, officerId: officer.id });
      },
    },
    {
      name: "schedule a visit",
      action: "schedule",
      subject: "Visit",
      record: (urn, key) => visitSubject(caseAt(urn), { visitType: visitTypeOf(key).key, status: "scheduled" }),
      run: (c, key) =>
        c.api.visits.schedule({
          caseId: caseOf[`${key}-second`]!,
          visitType: visitTypeOf(key).key,
          date: "2021-10-05",
        }),
    },
    {
      name: "record a meeting",
      action: "record",
      subject: "Meeting",
      record: (urn, key) => meetingSubject("Meeting", caseAt(urn), { meetingType: meetingTypeOf(key).key }),
      run: (c, key) =>
        c.api.meetings.record({
          caseId: caseOf[`${key}-second`]!,
          meetingType: meetingTypeOf(key).key,
          date: "2021-10-04",
          attendees: ["Headteacher"],
          minutes: "Minutes",
          keyPoints: [],
          progress: meetingTypeOf(key).progressJudgements[0]!.key,
        }),
    },
    {
      name: "draft a letter",
      action: "draft",
      subject: "Letter",
      record: (urn, key) => letterSubject(caseAt(urn), { letterType: letterTypeOf(key).key, status: "draft" }),
      roles: (key) => letterTypeOf(key).permissions.draft,
      run: (c, key) =>
        c.api.letters.draft({
          caseId: caseOf[`${key}-second`]!,
          letterType: letterTypeOf(key).key,
          indicators: [{ key: letterTypeOf(key).indicators[0]!.key, evidence: "Seen" }],
        }),
    },
    {
      name: "start a policy draft",
      action: "create",
      subject: "Policy",
      run: (c, key) => c.api.policy.createDraft({ from: "version", versionId: world.tenants[key].policyVersionId }),
    },
    {
      name: "invite a user",
      action: "invite",
      subject: "User",
      roles: (key) =>
        policyOf(key)
          .roles.filter((r) => r.mayGrant?.includes(policyOf(key).roles.find((x) => x.audience === "la")!.key))
          .map((r) => r.key),
      run: (c, key) =>
        c.api.users.invite({
          email: `invitee-${Math.random().toString(36).slice(2)}@${key}.test`,
          displayName: "Invitee",
          grants: [{ role: policyOf(key).roles.find((r) => r.audience === "la")!.key }],
        }),
    },
    {
      name: "open a case",
      action: "create",
      subject: "Case",
      record: (urn) => caseSubject({ ...caseAt(urn), stage: null, status: null }),
      run: (c, key) => c.api.cases.open({ urn: world.tenants[key].schools[2]!.urn }),
    },
    {
      name: "record an assessment",
      action: "create",
      subject: "Assessment",
      record: (urn) => assessmentSubject(caseAt(urn)),
      run: (c, key) => c.api.assessments.record({ caseId: caseOf[`${key}-second`]!, selections: [] }),
    },
    {
      name: "add an action-plan priority",
      action: "create",
      subject: "Action",
      record: (urn) => actionSubject(caseAt(urn)),
      run: (c, key) => c.api.actions.addPriority({ caseId: caseOf[`${key}-second`]!, title: "Reading" }),
    },
    { name: "see the policy versions", action: "read", subject: "Policy", run: (c) => c.api.policy.list() },
    { name: "see the users", action: "read", subject: "User", run: (c) => c.api.users.list({}) },
    { name: "read the audit log", action: "read", subject: "AuditLog", run: (c) => c.api.audit.list({}) },
    {
      name: "import the register",
      action: "import",
      subject: "School",
      run: (c) => c.api.schools.import({ kind: "links", csv: "URN,LinkURN,LinkType\n1,2,Successor\n", dryRun: true }),
    },
    {
      name: "save a school's form",
      action: "create",
      subject: "FormResponse",
      record: (urn, key) =>
        formResponseSubject({
          schoolUrn: urn,
          school: NO_SCHOOL_ATTRIBUTES,
          formKey: world.tenants[key].policy.forms.find((f) => f.audience === "school")!.key,
          status: "draft",
        }),
      run: (c, key) =>
        c.api.forms.save({
          formKey: world.tenants[key].policy.forms.find((f) => f.audience === "school")!.key,
          schoolUrn: world.tenants[key].schools[1]!.urn,
          data: {},
        }),
    },
  ];

  for (const key of ["cambridgeshire", "lincolnshire"] as const) {
    it(`in ${key}, for every role`, async () => {
      const t = world.tenants[key];
      const urnFor = (i: number) => t.schools[i]!.urn;
      for (const role of t.policy.roles) {
        const client = await world.as(key, role.key);
        const grants = [role.audience === "school" ? { role: role.key, schoolUrn: urnFor(0) } : { role: role.key }];
        const ability = buildAbility(t.policy, { id: "x", tenantId: t.tenant.id, grants });
        for (const check of checks) {
          const target = check.name === "open a case" ? urnFor(2) : urnFor(1);
          // A check on a record is made on the record (built by its subject's one builder); one on no record needs every record.
          const permitted = check.record
            ? ability.ability.can(check.action, check.record(target, key))
            : canOnEvery(ability, check.action, check.subject);
          const allowed = permitted && (!check.roles || check.roles(key).includes(role.key));
          const outcome = await check.run(client, key).then(
            () => "allowed",
            (error: { code?: string }) =>
              error.code === "FORBIDDEN" || error.code === "NOT_FOUND"
                ? "refused"
                : error.code === "INTERNAL_SERVER_ERROR"
                  ? "failed"
                  : `allowed (then ${error.code})`,
          );
          // An internal error is a defect, never counted as either answer.
          expect(outcome, `${role.label} trying to ${check.name}`).not.toBe("failed");
          expect(
            outcome.startsWith("allowed") ? "allowed" : "refused",
            `${role.label} may ${allowed ? "" : "not "}${check.name}: got ${outcome}`,
          ).toBe(allowed ? "allowed" : "refused");
        }
      }
    });
  }

  it("lets an adviser record a visit report that the form's schema accepts, and no one else's school's", async () => {
    const t = world.tenants.cambridgeshire;
    const adviser = await world.as("cambridgeshire", "school-improvement-adviser");
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const me = await adviser.api.auth.me();
    await senior.api.cases.assign({ caseId: caseOf["cambridgeshire-second"]!, officerId: me!.user.id });
    await adviser.api.visits.schedule({
      caseId: caseOf["cambridgeshire-second"]!,
      visitType: "school-improvement-adviser-visit",
      date: "2021-10-05",
    });
    const visit = (await adviser.api.cases.get({ caseId: caseOf["cambridgeshire-second"]! })).visits[0]!;
    const data = sampleFromSchema(t.policy.forms.find((f) => f.key === "visit-report")!.schema, {
      date: "2021-10-05",
    }) as Record<string, unknown>;
    const head = await world.as("cambridgeshire", "headteacher");
    await expect(
      head.api.visits.record({ caseId: caseOf["cambridgeshire-second"]!, visitId: visit.id, data, concerns: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await adviser.api.visits.record({
      caseId: caseOf["cambridgeshire-second"]!,
      visitId: visit.id,
      data,
      concerns: false,
    });
  });
});

describe("the case's policy, as each side may see it", () => {
  it("gives an adviser the criteria and meeting types, and a headteacher only what the school may see", async () => {
    const adviser = await world.as("cambridgeshire", "school-improvement-adviser");
    const forAdviser = await adviser.api.cases.policy({ caseId: caseOf.cambridgeshire! });
    expect(forAdviser.criteria.length).toBeGreaterThan(0);
    expect(forAdviser.meetingTypes.length).toBeGreaterThan(0);
    const head = await world.as("cambridgeshire", "headteacher");
    const forHead = await head.api.cases.policy({ caseId: caseOf.cambridgeshire! });
    expect(forHead.criteria).toEqual([]);
    expect(forHead.meetingTypes).toEqual([]);
    expect(forHead.forms.map((f) => f.key)).toContain("visit-report");
    expect(forHead.forms.every((f) => f.purpose === "visit-report")).toBe(true);
    await expect(head.api.cases.policy({ caseId: caseOf["cambridgeshire-second"]! })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
