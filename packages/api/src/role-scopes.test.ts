import { createMongoAbility, subject } from "@casl/ability";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listSchools, withTenant, type SchoolValues, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { SCHOOL_ATTRIBUTES, type PolicyDocument } from "@steward/policy-config";

import { schoolAttributesOf } from "./services/access.ts";
import { provisionSchools } from "./services/provision.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;

/** Cambridgeshire with an area caseload (Fenland's schools) and a clerk who reads and acknowledges letters only. */
function adapt(key: string, policy: PolicyDocument): PolicyDocument {
  if (key !== "cambridgeshire") return policy;
  const inFenland = { "school.district": "Fenland" };
  const ownSchool = { schoolUrn: "${user.schoolUrn}" };
  policy.roles.push(
    {
      key: "area-adviser",
      label: "Area adviser (Fenland)",
      audience: "la",
      description: "Works only on the schools of the Fenland district.",
      rules: [
        { action: "read", subject: ["School", "Case", "Visit", "VisitReport", "Letter"], conditions: inFenland },
        { action: "schedule", subject: "Visit", conditions: inFenland },
      ],
    },
    {
      key: "clerk-to-governors",
      label: "Clerk to governors",
      audience: "school",
      description: "Reads and acknowledges the letters to the school, and nothing else of its case.",
      rules: [{ action: ["read", "acknowledge"], subject: "Letter", conditions: ownSchool }],
    },
  );
  return policy;
}

/** What the portal's menu needs of each page (apps/portal/src/app/router.tsx), by the menu's label. */
const PORTAL_MENU = {
  "Your school": "read School",
  Visits: "read Visit",
  Letters: "read Letter",
  Forms: "read FormResponse",
  History: "read Case",
} as const;

/** The portal's menu for a user, as packages/ui builds it from `auth.me`'s `can` (`canSee` in layout.tsx). */
async function portalMenu(client: TestClient) {
  const me = await client.api.auth.me();
  const can = me?.can ?? [];
  return Object.entries(PORTAL_MENU)
    .filter(([, need]) => can.includes(need) || can.includes(`${need.split(" ")[0]} all`))
    .map(([label]) => label);
}

let schools: SchoolValues[];
const caseIds: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "scopes", adapt);
  const cambs = world.tenants.cambridgeshire;
  schools = cambs.schools.map((s, i) => ({ ...s, district: ["Fenland", "Huntingdonshire", null][i] ?? null }));
  await provisionSchools(database.db, cambs.tenant.id, schools);
  const senior = await world.as("cambridgeshire", "la-senior-officer");
  for (const school of schools) caseIds.push((await senior.api.cases.open({ urn: school.urn })).caseId);
});

afterAll(async () => {
  await database.close();
});

describe("an area caseload: a role whose conditions test the school's district", () => {
  it("lists, counts and filters only its district's cases and schools", async () => {
    const area = await world.as("cambridgeshire", "area-adviser");
    const [fenland] = schools;
    const list = await area.api.cases.list({});
    expect(list.items.map((c) => c.school.urn)).toEqual([fenland?.urn]);
    expect(list.total).toBe(1);
    expect((await area.api.cases.list({ governance: "maintained" })).total).toBe(1);
    expect((await area.api.cases.list({ search: schools[1]?.name })).total).toBe(0);
    const summary = await area.api.cases.summary({});
    expect(summary.cases).toBe(1);
    const schoolList = await area.api.schools.list({});
    expect(schoolList.items.map((s) => s.urn)).toEqual([fenland?.urn]);
    expect(schoolList.total).toBe(1);
    // An officer with no scope sees all three.
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    expect((await senior.api.cases.summary({})).cases).toBe(3);
  });

  it("reads and acts on a case in its district; elsewhere, and where the school has no district, it is not found", async () => {
    const area = await world.as("cambridgeshire", "area-adviser");
    const [inArea, elsewhere, noDistrict] = caseIds;
    expect((await area.api.cases.get({ caseId: inArea ?? "" })).school.urn).toBe(schools[0]?.urn);
    await area.api.visits.schedule({
      caseId: inArea ?? "",
      visitType: "school-improvement-adviser-visit",
      date: "2021-10-14",
    });
    for (const caseId of [elsewhere, noDistrict]) {
      await expect(area.api.cases.get({ caseId: caseId ?? "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        area.api.visits.schedule({
          caseId: caseId ?? "",
          visitType: "school-improvement-adviser-visit",
          date: "2021-10-14",
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(area.api.schools.get({ urn: schools[1]?.urn ?? 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("follows the register as it is now: a school moved into the district joins the caseload", async () => {
    const cambs = world.tenants.cambridgeshire;
    const moved = schools.map((s, i) => (i === 1 ? { ...s, district: "Fenland" } : s));
    await provisionSchools(database.db, cambs.tenant.id, moved);
    try {
      const area = await world.as("cambridgeshire", "area-adviser");
      expect((await area.api.cases.list({})).total).toBe(2);
      expect((await area.api.cases.get({ caseId: caseIds[1] ?? "" })).school.urn).toBe(schools[1]?.urn);
    } finally {
      await provisionSchools(database.db, cambs.tenant.id, schools);
    }
  });

  it("filters a list in SQL exactly as CASL checks one school, for every attribute (GIAS's too)", async () => {
    const cambs = world.tenants.cambridgeshire;
    // A church academy outside the area, with a value of every attribute the others lack.
    const church: SchoolValues = {
      ...cambs.schools[2]!,
      urn: Math.max(...schools.map((s) => s.urn)) + 1,
      name: "St Etheldreda's Academy",
      phase: "secondary",
      district: "East Cambridgeshire",
      trust: "Ely Diocesan Multi-Academy Trust",
      data: { attributes: { diocese: "Diocese of Ely", religiousCharacter: "Church of England" } },
    };
    await provisionSchools(database.db, cambs.tenant.id, [church]);
    await withTenant(database.db, cambs.tenant.id, async (trx) => {
      const rows = (await listSchools(trx, { kind: "all" }, { limit: 100, offset: 0 })).rows;
      for (const attribute of SCHOOL_ATTRIBUTES) {
        const values = [...new Set(rows.map((r) => schoolAttributesOf(r)[attribute]))];
        for (const value of [...values, "none of them"]) {
          for (const test of [value, { $ne: value }]) {
            const condition = { [`school.${attribute}`]: test };
            const casl = createMongoAbility([{ action: "read", subject: "School", conditions: condition }]);
            const expected = rows
              .filter((r) => casl.can("read", subject("School", { school: schoolAttributesOf(r) })))
              .map((r) => r.urn);
            const filtered = await listSchools(
              trx,
              { kind: "some", anyOf: [condition], noneOf: [] },
              { limit: 100, offset: 0 },
            );
            expect(
              filtered.rows.map((r) => r.urn),
              JSON.stringify(condition),
            ).toEqual(expected);
          }
        }
        expect(values.length, attribute).toBeGreaterThan(1);
      }
    });
  });
});

describe("a clerk who may read the school's letters but not its case", () => {
  let letterId = "";
  let draftId = "";

  beforeAll(async () => {
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const caseId = caseIds[0] ?? "";
    const type = world.tenants.cambridgeshire.policy.letterTypes.find((l) => l.key === "congratulations-letter");
    const indicators = [{ key: type?.indicators[0]?.key ?? "", evidence: "Strong results." }];
    const draft = (text: string) =>
      senior.api.letters.draft({
        caseId,
        letterType: "congratulations-letter",
        indicators: [{ ...indicators[0]!, evidence: text }],
        actions: [],
        recipient: { name: "Pat Chair" },
      });
    letterId = (await draft("Issued.")).letterId;
    draftId = (await draft("Still a draft.")).letterId;
    await senior.api.letters.issue({ caseId, letterId });
  });

  it("sees only Letters in the portal's menu", async () => {
    const clerk = await world.as("cambridgeshire", "clerk-to-governors");
    expect(await portalMenu(clerk)).toEqual(["Letters"]);
    const head = await world.as("cambridgeshire", "headteacher");
    expect(await portalMenu(head)).toEqual(expect.arrayContaining(["Your school", "Letters", "History"]));
  });

  it("reads the issued letters of its school, never a draft, and acknowledges one", async () => {
    const clerk = await world.as("cambridgeshire", "clerk-to-governors");
    const urn = schools[0]?.urn ?? 0;
    const { caseId, letters } = await clerk.api.letters.listForSchool({ schoolUrn: urn });
    expect(letters.map((l) => l.id)).toEqual([letterId]);
    expect(letters[0]?.can.acknowledge).toBe(true);
    const pdf = await clerk.api.letters.pdf({ caseId: caseId ?? "", letterId });
    expect(Buffer.from(pdf.base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    await expect(clerk.api.letters.pdf({ caseId: caseId ?? "", letterId: draftId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await clerk.api.letters.acknowledge({ caseId: caseId ?? "", letterId });
    const after = await clerk.api.letters.listForSchool({ schoolUrn: urn });
    expect(after.letters[0]).toMatchObject({ status: "acknowledged", acknowledgedBy: "Clerk to governors" });
  });

  it("cannot read the case, its visits and reports, or another school's letters", async () => {
    const clerk = await world.as("cambridgeshire", "clerk-to-governors");
    const caseId = caseIds[0] ?? "";
    await expect(clerk.api.cases.get({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(clerk.api.cases.policy({ caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await clerk.api.cases.list({})).total).toBe(0);
    await expect(clerk.api.visits.listForSchool({ schoolUrn: schools[0]?.urn ?? 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(clerk.api.letters.listForSchool({ schoolUrn: schools[1]?.urn ?? 0 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("leaves the headteacher's visits page its visits, and reports only once published", async () => {
    const head = await world.as("cambridgeshire", "headteacher");
    const { visits } = await head.api.visits.listForSchool({ schoolUrn: schools[0]?.urn ?? 0 });
    expect(visits.map((v) => v.status)).toEqual(["scheduled"]);
    expect(visits[0]?.report).toBeUndefined();
  });
});
