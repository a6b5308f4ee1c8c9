// Abuse cases inside one authority: what a role may not read never reaches it,
// by any procedure (a record, a list, a count, a filter's total, a timeline
// line), and what a role may not do it cannot do by naming a record it should
// not reach. Each case here was open on an earlier main.
import { createMongoAbility } from "@casl/ability";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accessToSql, type AccessFilter, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { buildAbility, caseSubject, letterSubject, meetingSubject, NO_SCHOOL_ATTRIBUTES } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { getAccessFilter } from "./services/access.ts";
import { provisionSchools, provisionTenant, provisionUser } from "./services/provision.ts";
import { readInvitationToken } from "./testing/fixtures/outbox.ts";
import { TEST_PASSWORD, TestWorld } from "./testing/fixtures/world.ts";
import { anyString } from "./testing/matchers.ts";

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "conf");
});
afterAll(async () => database?.close());

/** A variant of a real authority's policy: a category and a stage kept from schools, and roles with narrow rules. */
async function variantTenant(slug: string) {
  const policy = structuredClone(cambridgeshire) as unknown as PolicyDocument;
  policy.categories.find((c) => c.key === "high-support")!.visibleToSchool = false;
  policy.escalation.stages.find((s) => s.key === "intervention-and-support")!.visibleToSchool = false;
  policy.roles.push(
    {
      key: "clerk-to-governors",
      label: "Clerk to governors",
      audience: "school",
      description: "Sees that the school has a case, and its status only.",
      rules: [
        { action: "read", subject: "School", conditions: { schoolUrn: "${user.schoolUrn}" } },
        {
          action: "read",
          subject: "Case",
          conditions: { schoolUrn: "${user.schoolUrn}" },
          fields: ["schoolUrn", "status"],
        },
      ],
    },
    {
      key: "limited-administrator",
      label: "Limited administrator",
      audience: "la",
      description: "Rules limited by conditions on subjects that have no one record in the procedures that check them.",
      rules: [
        { action: "read", subject: "User", conditions: { id: "${user.id}" } },
        { action: "read", subject: "AuditLog", conditions: { actorId: "${user.id}" } },
        { action: "import", subject: "School", conditions: { schoolUrn: 1 } },
        { action: ["read", "create"], subject: "Policy", conditions: { status: "published" } },
        { action: "invite", subject: "User", conditions: { id: "${user.id}" } },
      ],
      mayGrant: ["school-improvement-adviser"],
    },
  );
  const { tenant } = await provisionTenant(database.db, { slug, policy });
  const schools = world.tenants.cambridgeshire.schools.slice(0, 2);
  await provisionSchools(database.db, tenant.id, schools);
  const urn = schools[0]!.urn;
  const users = {
    senior: { email: `senior@${slug}.test`, grants: [{ role: "la-senior-officer" }] },
    head: { email: `head@${slug}.test`, grants: [{ role: "headteacher", schoolUrn: urn }] },
    clerk: { email: `clerk@${slug}.test`, grants: [{ role: "clerk-to-governors", schoolUrn: urn }] },
    limited: { email: `limited@${slug}.test`, grants: [{ role: "limited-administrator" }] },
  };
  for (const [name, u] of Object.entries(users))
    await provisionUser(database.db, tenant.id, {
      email: u.email,
      displayName: name,
      password: TEST_PASSWORD,
      grants: u.grants,
    });
  const as = (who: keyof typeof users) => world.client().signIn(slug, users[who].email);
  return { policy, urn, as };
}

describe("forms reach only the side they are for", () => {
  it("keeps an LA-only form response from the school's headteacher: not listed, not read, not changed, not started", async () => {
    const t = world.tenants.lincolnshire;
    const urn = t.schools[0]!.urn;
    const laForm = t.policy.forms.find((f) => f.audience === "la")!;
    const senior = await world.as("lincolnshire", "head-of-school-standards");
    const record = await senior.api.forms.save({
      formKey: laForm.key,
      schoolUrn: urn,
      data: { note: "CONFIDENTIAL RECORD" },
    });
    const head = await world.as("lincolnshire", "headteacher");

    const list = await head.api.forms.list({});
    expect(list.forms.every((f) => f.audience === "school")).toBe(true);
    expect(list.responses.map((r) => r.id)).not.toContain(record.id);
    expect(JSON.stringify(list)).not.toContain("CONFIDENTIAL RECORD");
    await expect(head.api.forms.get({ id: record.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      head.api.forms.save({
        formKey: laForm.key,
        schoolUrn: urn,
        id: record.id,
        revision: record.revision,
        data: { note: "overwritten" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(head.api.forms.submit({ id: record.id, revision: record.revision, data: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const other = t.policy.forms.filter((f) => f.audience === "la")[1]!;
    await expect(
      head.api.forms.save({ formKey: other.key, schoolUrn: urn, data: { note: "made by the school" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Nothing the headteacher tried changed or added anything.
    const after = await senior.api.forms.list({ schoolUrn: urn });
    expect(after.responses.find((r) => r.id === record.id)).toMatchObject({
      revision: record.revision,
      data: { note: "CONFIDENTIAL RECORD" },
    });
    expect(after.responses.some((r) => r.formKey === other.key)).toBe(false);
  });

  it("refuses a save of an existing draft that does not say which revision it changed, and makes one draft of two racing first saves", async () => {
    const t = world.tenants.cambridgeshire;
    const form = t.policy.forms.find((f) => f.audience === "school")!;
    const head = await world.as("cambridgeshire", "other-headteacher");
    const urn = t.schools[1]!.urn;
    const [a, b] = await Promise.allSettled([
      head.api.forms.save({ formKey: form.key, schoolUrn: urn, data: { completedBy: "First" } }),
      head.api.forms.save({ formKey: form.key, schoolUrn: urn, data: { completedBy: "Second" } }),
    ]);
    const drafts = (await head.api.forms.list({})).responses.filter(
      (r) => r.formKey === form.key && r.status === "draft",
    );
    expect(drafts).toHaveLength(1);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(((a.status === "rejected" ? a : b) as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    await expect(
      head.api.forms.save({
        formKey: form.key,
        schoolUrn: urn,
        id: drafts[0]!.id,
        data: { completedBy: "Silent overwrite" },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await head.api.forms.get({ id: drafts[0]!.id })).data).not.toMatchObject({
      completedBy: "Silent overwrite",
    });
  });
});

describe("a confidential meeting stays out of the school's timeline", () => {
  it("shows the Lincolnshire headteacher no line, record or count of a serious-allegations meeting", async () => {
    const t = world.tenants.lincolnshire;
    const senior = await world.as("lincolnshire", "head-of-school-standards");
    const { caseId } = await senior.api.cases.open({ urn: t.schools[0]!.urn });
    const secret = t.policy.meetingTypes.find((m) => m.key === "serious-allegations-strategy-meeting")!;
    await senior.api.meetings.record({
      caseId,
      meetingType: secret.key,
      date: "2021-10-04",
      attendees: ["LADO"],
      minutes: "SECRET MINUTES",
      keyPoints: ["SECRET POINT"],
    });
    const head = await world.as("lincolnshire", "headteacher");
    const view = await head.api.cases.get({ caseId });
    expect(view.meetings).toEqual([]);
    expect(view.timeline.map((l) => l.summary).join("\n")).not.toContain(secret.label);
    expect(JSON.stringify(view)).not.toMatch(/SECRET|serious allegations/i);
    // The chair of governors' own rules do not hide the meeting, but its minutes stay with the LA: the meeting is confidential.
    const chair = await world.as("lincolnshire", "chair-of-governors");
    const chairView = await chair.api.cases.get({ caseId });
    expect(JSON.stringify(chairView)).not.toContain("SECRET MINUTES");
    // The LA sees it all.
    expect(JSON.stringify(await senior.api.cases.get({ caseId }))).toContain("SECRET MINUTES");
  });
});

describe("field rules and the policy's limits hold in lists, counts and filters", () => {
  it("sends no hidden category or stage to a school, not as a value, a count or a filter's total", async () => {
    const { urn, as } = await variantTenant("conf-fields");
    const senior = await as("senior");
    const { caseId } = await senior.api.cases.open({ urn });
    await senior.api.assessments.decide({ caseId, category: "high-support", effectiveFrom: "2021-10-04" });
    if ((await senior.api.cases.get({ caseId })).stage?.key !== "intervention-and-support")
      await senior.api.cases.changeStage({ caseId, stage: "intervention-and-support", reason: "Concerns" });
    const draftable = cambridgeshire.letterTypes.find(
      (l) => l.permissions.draft.includes("la-senior-officer") && !l.applicability,
    )!;
    await senior.api.letters.draft({
      caseId,
      letterType: draftable.key,
      indicators: draftable.indicators
        .slice(0, Math.max(1, draftable.minimumIndicators))
        .map((i) => ({ key: i.key, evidence: "Seen" })),
    });

    // The LA sees everything it counts.
    const laSummary = await senior.api.cases.summary({});
    expect(laSummary.byCategory.find((c) => c.key === "high-support")?.count).toBe(1);
    expect((await senior.api.cases.list({ category: "high-support" })).total).toBe(1);
    expect((await senior.api.cases.list({})).items[0]!.openLetters).toBe(1);

    for (const who of ["head", "clerk"] as const) {
      const school = await as(who);
      const list = await school.api.cases.list({});
      expect(list.total, who).toBe(1);
      expect(list.items[0], who).toMatchObject({ category: null, stage: null, openLetters: null });
      expect((await school.api.cases.list({ category: "high-support" })).total, who).toBe(0);
      expect((await school.api.cases.list({ stage: "intervention-and-support" })).total, who).toBe(0);
      expect((await school.api.cases.list({ openLetters: true })).total, who).toBe(0);
      const summary = await school.api.cases.summary({});
      expect(
        summary.byCategory.reduce((n, c) => n + c.count, 0),
        who,
      ).toBe(0);
      expect(
        summary.byStage.reduce((n, s) => n + s.count, 0),
        who,
      ).toBe(0);
      expect(summary.openLetters, who).toBe(0);
      expect(JSON.stringify(summary), who).not.toMatch(/high-support|intervention-and-support/);
      const view = await school.api.cases.get({ caseId });
      expect(JSON.stringify(view.timeline), who).not.toMatch(/High support|Intervention and support/i);
      expect(view.category, who).toBeNull();
      expect(view.stage, who).toBeNull();
    }
  });
});

describe("a rule limited by conditions does not open a procedure that checks no one record", () => {
  it("lists only the users and audit entries the conditions allow, and refuses import, the policy studio and invitations", async () => {
    const { as } = await variantTenant("conf-subjects");
    const senior = await as("senior");
    await senior.api.cases.open({ urn: world.tenants.cambridgeshire.schools[0]!.urn });
    const limited = await as("limited");
    const me = (await limited.api.auth.me())!.user;
    expect((await limited.api.users.list({})).map((u) => u.id)).toEqual([me.id]);
    const audit = await limited.api.audit.list({});
    expect(audit.entries.every((e) => e.actor === me.displayName)).toBe(true);
    expect(audit.entries.some((e) => e.action.startsWith("case"))).toBe(false);
    await expect(
      limited.api.schools.import({ kind: "links", csv: "URN,LinkURN,LinkType\n1,2,Successor\n", dryRun: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(limited.api.policy.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      limited.api.users.invite({
        email: "new@conf.test",
        displayName: "New",
        grants: [{ role: "school-improvement-adviser" }],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("who may give which role", () => {
  it("lets the policy administrator give only the roles its policy lists, and never reach a more powerful account", async () => {
    const t = world.tenants.cambridgeshire;
    const admin = await world.as("cambridgeshire", "policy-administrator");
    await expect(
      admin.api.users.invite({
        email: "director2@conf.test",
        displayName: "Shadow director",
        grants: [{ role: "director-of-education" }],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await admin.api.users.list({})).some((u) => u.email === "director2@conf.test")).toBe(false);
    const users = await admin.api.users.list({});
    const adviser = users.find((u) => u.email === t.users["school-improvement-adviser"])!;
    const director = users.find((u) => u.email === t.users["director-of-education"])!;
    await expect(
      admin.api.users.setRoles({ id: adviser.id, grants: [{ role: "director-of-education" }] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.users.setRoles({ id: director.id, status: "disabled" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const after = await admin.api.users.list({});
    expect(after.find((u) => u.id === adviser.id)!.grants.map((g) => g.role)).toEqual(["school-improvement-adviser"]);
    expect(after.find((u) => u.id === director.id)!.status).toBe("active");

    // A role it may give works; the link is shown once and the audit log never holds it.
    const invited = await admin.api.users.invite({
      email: "adviser9@conf.test",
      displayName: "New adviser",
      grants: [{ role: "school-improvement-adviser" }],
    });
    const audit = await admin.api.audit.list({ subjectId: invited.user.id });
    expect(audit.entries).toHaveLength(1);
    const token = await readInvitationToken(world.database, t.tenant.id, invited.sentTo);
    expect(JSON.stringify(invited)).not.toContain(token);
    expect(JSON.stringify(audit.entries)).not.toContain(token);
  });
});

describe("every role of both authorities reads exactly the records its policy lets it", () => {
  for (const key of ["cambridgeshire", "lincolnshire"] as const) {
    it(`in ${key}: meetings, minutes, key points, letters and reports of a case, each as the role's ability says`, async () => {
      const t = world.tenants[key];
      const urn = t.schools[1]!.urn;
      const seniorRole = key === "cambridgeshire" ? "la-senior-officer" : "head-of-school-standards";
      const senior = await world.as(key, seniorRole);
      const { caseId } = await senior.api.cases.open({ urn });
      // Every meeting type that applies, a draft letter, and a report kept unpublished.
      const applies = (a?: { governance?: readonly string[] }) => !a?.governance || a.governance.includes("maintained");
      for (const m of t.policy.meetingTypes.filter((m) => applies(m.applicability))) {
        await senior.api.meetings.record({
          caseId,
          meetingType: m.key,
          date: "2021-10-04",
          attendees: ["Someone"],
          minutes: `MINUTES OF ${m.key}`,
          keyPoints: [`POINT OF ${m.key}`],
          progress: m.progressJudgements[0]?.key ?? "",
        });
      }
      const letterType = t.policy.letterTypes.find(
        (l) => applies(l.applicability) && l.permissions.draft.includes(seniorRole),
      );
      if (letterType)
        await senior.api.letters.draft({
          caseId,
          letterType: letterType.key,
          indicators: letterType.indicators
            .slice(0, Math.max(1, letterType.minimumIndicators))
            .map((i) => ({ key: i.key, evidence: "Seen" })),
        });
      const truth = await senior.api.cases.get({ caseId });
      expect(truth.meetings.length).toBeGreaterThan(1);

      for (const role of t.policy.roles) {
        const grants = [role.audience === "school" ? { role: role.key, schoolUrn: urn } : { role: role.key }];
        const email = `${role.key}-reads@${key}.conf`;
        await provisionUser(database.db, t.tenant.id, {
          email,
          displayName: role.label,
          password: TEST_PASSWORD,
          grants,
        }).catch(() => undefined);
        const client = await world.client().signIn(t.tenant.slug, email);
        const ability = buildAbility(t.policy, { id: "x", tenantId: t.tenant.id, grants }).ability;
        const facts = {
          schoolUrn: urn,
          school: NO_SCHOOL_ATTRIBUTES,
          assignedOfficerId: null,
          category: null,
          stage: truth.stage?.key ?? null,
          status: "open",
        };
        if (!ability.can("read", caseSubject(facts))) {
          await expect(client.api.cases.get({ caseId }), role.key).rejects.toMatchObject({ code: "NOT_FOUND" });
          continue;
        }
        const view = await client.api.cases.get({ caseId });
        const seen = JSON.stringify(view);
        for (const m of truth.meetings) {
          const meetingType = m.meetingType.key;
          const mayMeeting = ability.can("read", meetingSubject("Meeting", facts, { meetingType }));
          const shown = view.meetings.find((x) => x.id === m.id);
          expect(Boolean(shown), `${role.key} reads a ${meetingType}`).toBe(mayMeeting);
          expect(seen.includes(`MINUTES OF ${meetingType}`), `${role.key} reads the minutes of a ${meetingType}`).toBe(
            mayMeeting && ability.can("read", meetingSubject("MeetingMinutes", facts, { meetingType })),
          );
          expect(seen.includes(`POINT OF ${meetingType}`), `${role.key} reads the key points of a ${meetingType}`).toBe(
            mayMeeting && ability.can("read", meetingSubject("MeetingKeyPoints", facts, { meetingType })),
          );
          if (!mayMeeting)
            expect(
              view.timeline.some((l) => l.summary.startsWith(m.meetingType.label)),
              `${role.key}: no timeline line for a ${meetingType}`,
            ).toBe(false);
        }
        for (const l of truth.letters) {
          const may = ability.can("read", letterSubject(facts, { letterType: l.letterType.key, status: l.status }));
          expect(
            view.letters.some((x) => x.id === l.id),
            `${role.key} reads a ${l.status} ${l.letterType.key}`,
          ).toBe(may);
          if (!may)
            expect(
              view.timeline.some((x) => x.summary.startsWith(l.letterType.label)),
              `${role.key}: no timeline line for the letter`,
            ).toBe(false);
        }
      }
    });
  }
});

describe("sign-ins held back after failures", () => {
  it("shows the user as locked to an administrator, who can let them sign in again", async () => {
    const t = world.tenants.cambridgeshire;
    const email = t.users["specialist-adviser"]!;
    const attacker = world.client();
    for (let i = 0; i < 5; i++)
      await attacker.api.auth.signIn({ tenant: t.tenant.slug, email, password: "wrong" }).catch(() => undefined);
    await expect(
      attacker.api.auth.signIn({ tenant: t.tenant.slug, email, password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const admin = await world.as("cambridgeshire", "policy-administrator");
    const user = (await admin.api.users.list({})).find((u) => u.email === email)!;
    expect(user.locked).toBe(true);
    expect((await admin.api.users.setRoles({ id: user.id, unlock: true })).locked).toBe(false);
    await expect(
      attacker.api.auth.signIn({ tenant: t.tenant.slug, email, password: TEST_PASSWORD }),
    ).resolves.toMatchObject({ csrfToken: anyString() });
  });
});

describe("the SQL filter and CASL agree on every record, NULL included", () => {
  it("gives the same rows for equality, $ne, $in and $nin, allowing and forbidding, with values missing", async () => {
    const rows = [
      { id: 1, status: "draft", letterType: "a" },
      { id: 2, status: "issued", letterType: null },
      { id: 3, status: null, letterType: "b" },
      { id: 4, status: null, letterType: null },
      { id: 5, status: "acknowledged", letterType: "a" },
    ];
    const conditions = [
      { status: "issued" },
      { status: null },
      { status: { $ne: "draft" } },
      { status: { $ne: null } },
      { status: { $in: ["issued", "acknowledged"] } },
      { status: { $in: ["issued", null] } },
      { status: { $nin: ["draft"] } },
      { status: { $nin: ["draft", null] } },
      { letterType: { $in: ["a"] }, status: { $nin: ["issued"] } },
    ];
    const values = sql.join(rows.map((r) => sql`(${r.id}::int, ${r.status}::text, ${r.letterType}::text)`));
    for (const condition of conditions) {
      for (const inverted of [false, true]) {
        const rules = inverted
          ? [
              { action: "read", subject: "Letter" },
              { action: "read", subject: "Letter", conditions: condition, inverted: true },
            ]
          : [{ action: "read", subject: "Letter", conditions: condition }];
        const ability = {
          ability: createMongoAbility(rules as never),
          ruleRoles: new Map(),
          impliedRules: new Set<object>(),
        };
        const filter: AccessFilter = getAccessFilter(ability as never, "read", "Letter");
        const where = accessToSql(filter, { status: sql.ref("t.status"), letterType: sql.ref("t.letter_type") });
        const result = await sql<{
          id: number;
        }>`select t.id from (values ${values}) as t(id, status, letter_type) where ${where} order by t.id`.execute(
          database.db,
        );
        const expected = rows
          .filter((r) =>
            ability.ability.can(
              "read",
              letterSubject(
                {
                  schoolUrn: 1,
                  school: NO_SCHOOL_ATTRIBUTES,
                  assignedOfficerId: null,
                  category: null,
                  stage: null,
                  status: null,
                },
                { letterType: r.letterType as string, status: r.status as string },
              ),
            ),
          )
          .map((r) => r.id);
        expect(
          result.rows.map((r) => Number(r.id)),
          `${inverted ? "forbid" : "allow"} ${JSON.stringify(condition)}`,
        ).toEqual(expected);
      }
    }
  });

  it("never lets an inverted rule on a field fail open: a record is checked with every field of its subject", () => {
    const policy = structuredClone(cambridgeshire) as unknown as PolicyDocument;
    const head = buildAbility(policy, { id: "h", tenantId: "t", grants: [{ role: "headteacher", schoolUrn: 100 }] });
    const facts = {
      schoolUrn: 100,
      school: NO_SCHOOL_ATTRIBUTES,
      assignedOfficerId: null,
      category: null,
      stage: null,
      status: "open",
    };
    expect(head.ability.can("read", caseSubject(facts))).toBe(true);
    // A letter built without its type or status cannot be checked at all.
    expect(() => letterSubject(facts, { status: "issued" } as never)).toThrow(/letterType/);
  });
});
