import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { getIndicatorPolicy } from "./testing/fixtures/indicator-policy.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let admin: TestClient;
let adviser: TestClient;
let urn: number;

/**
 * A GIAS sample (real rows, names blanked) with its first row made this
 * authority's school and filled in where the sample is blank.
 */
function giasFile(year: "2018" | "2025", fill: Record<string, string>): string {
  const text = readFileSync(new URL(`../demo/gias_edubasealldata_format_${year}_sample.csv`, import.meta.url), "utf8");
  const [header, first]: string[][] = parse(text, { bom: true, relax_column_count: true });
  if (!header || !first) throw new Error("The sample has no rows.");
  const cells = { ...Object.fromEntries(header.map((h, i) => [h, first[i] ?? ""])), ...fill };
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return [header.map(quote).join(","), header.map((h) => quote(cells[h] ?? "")).join(",")].join("\n");
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "attr", (key, policy) =>
    key === "cambridgeshire" ? getIndicatorPolicy() : policy,
  );
  admin = await world.as("cambridgeshire", "policy-administrator");
  adviser = await world.as("cambridgeshire", "school-improvement-adviser");
  urn = world.tenants.cambridgeshire.schools[0]!.urn;
});

afterAll(async () => {
  await database.close();
});

describe("GIAS attributes", () => {
  it("keeps the 2025 layout's headteacher, address, diocese, religious character, trust, SEN provision, roll and website", async () => {
    const csv = giasFile("2025", {
      URN: String(urn),
      "LA (code)": "873",
      "HeadTitle (name)": "Mrs",
      HeadFirstName: "Ada",
      HeadLastName: "Lovelace",
      HeadPreferredJobTitle: "Headteacher",
      "SEN1 (name)": "SpLD - Specific Learning Difficulty",
      "SEN2 (name)": "ASD - Autistic Spectrum Disorder",
      "TypeOfResourcedProvision (name)": "Resourced provision",
      ResourcedProvisionCapacity: "12",
      ResourcedProvisionOnRoll: "10",
    });
    const report = await admin.api.schools.import({ kind: "establishments", csv });
    expect(report.rejected).toEqual([]);
    const school = await adviser.api.schools.get({ urn });
    expect(school.attributes).toEqual({
      headteacher: "Mrs Ada Lovelace",
      headteacherJobTitle: "Headteacher",
      address: ["Horntye Road", "St Leonards-on-Sea", "East Sussex", "TN37 6RT"],
      diocese: "Diocese of Chichester",
      religiousCharacter: "Church of England",
      trust: "DIOCESE OF CHICHESTER ACADEMY TRUST",
      senProvision: {
        needs: ["SpLD - Specific Learning Difficulty", "ASD - Autistic Spectrum Disorder"],
        resourcedProvision: "Resourced provision",
        resourcedProvisionCapacity: 12,
        resourcedProvisionOnRoll: 10,
      },
      pupilsOnRoll: 661,
      schoolCapacity: 664,
      website: "www.stpaulsceacademy.org",
    });
  });

  it("reads the same attributes from the 2018 layout by header name, leaving out GIAS's 'not applicable'", async () => {
    const other = world.tenants.cambridgeshire.schools[1]!.urn;
    const csv = giasFile("2018", {
      URN: String(other),
      "LA (code)": "873",
      HeadFirstName: "Grace",
      HeadLastName: "Hopper",
      "Diocese (name)": "Not applicable",
    });
    expect((await admin.api.schools.import({ kind: "establishments", csv })).rejected).toEqual([]);
    const school = await adviser.api.schools.get({ urn: other });
    expect(school.attributes.headteacher).toBe("Grace Hopper");
    expect(school.attributes.diocese).toBeUndefined();
    expect(school.attributes.address?.length).toBeGreaterThan(0);
  });
});

describe("school contacts and the letter merge fields", () => {
  it("lets LA staff who may update the school record its chair of governors and a new headteacher, audited", async () => {
    const head = await world.as("cambridgeshire", "headteacher");
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const director = await world.as("cambridgeshire", "director-of-education");
    const contacts = { urn, chairOfGovernors: "Pat Chair", headteacher: "" };
    await expect(head.api.schools.setContacts(contacts)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(director.api.schools.setContacts(contacts)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(adviser.api.schools.setContacts({ ...contacts, chairOfGovernors: "<script>" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await adviser.api.schools.setContacts(contacts);
    const school = await head.api.schools.get({ urn });
    expect(school.contacts).toMatchObject({
      chairOfGovernors: "Pat Chair",
      headteacher: null,
      updatedBy: "School Improvement Adviser",
    });
    const audit = await senior.api.audit.list({ action: "school-contacts-changed" });
    expect(audit.entries[0]?.detail).toMatchObject({ chairOfGovernors: { from: null, to: "Pat Chair" } });
  });

  it("merges the school's address, chair of governors and headteacher into its letters", async () => {
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const { caseId } = await senior.api.cases.open({ urn });
    const eligible = await senior.api.letters.eligible({ caseId });
    const congratulations = eligible.find((l) => l.key === "congratulations-letter");
    const { letterId } = await senior.api.letters.draft({
      caseId,
      letterType: "congratulations-letter",
      indicators: [{ key: congratulations?.indicators[0]?.key ?? "", evidence: "Strong results." }],
    });
    const letter = (await senior.api.cases.get({ caseId })).letters.find((l) => l.id === letterId);
    expect(letter?.html).toContain("Horntye Road, St Leonards-on-Sea, East Sussex, TN37 6RT");
    expect(letter?.html).toContain("Pat Chair");
  });
});
