// Westmarch's warning notice (a made-up authority's) through the API a browser calls: the officer sets the
// compliance period (the deadline follows), the notice is copied to the diocesan authority for a church school
// only, and the governing body's action plan, submitted as a school form, is tied to the notice. A school user
// sees when it is due and whether it came, and none of what is for the LA only. The notice and its form are
// grafted onto Lincolnshire's policy, its roles named in Lincolnshire's terms, so the test rests on the letter
// alone (the rest of Westmarch's policy is other work's to run).
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listCaseEvents, mergeSchoolData, withTenant, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { parsePolicyDocument, type PolicyDocument } from "@steward/policy-config";
import westmarch from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let adviser: TestClient;
let service: TestClient;
let head: TestClient;
let otherHead: TestClient;
let churchUrn: number;
let communityUrn: number;
let communityCaseId = "";

const notice = (caseId: string, compliancePeriod: number) => ({
  caseId,
  letterType: "warning-notice",
  indicators: [{ key: "standards", evidence: "Outcomes 18 points below national for three years." }],
  parameters: { compliancePeriod, mindedTo: "Appoint additional governors to the governing body." },
});

async function issuedNotice(caseId: string): Promise<string> {
  const { letterId } = await adviser.api.letters.draft(notice(caseId, 15));
  await service.api.letters.approve({ caseId, letterId });
  await service.api.letters.issue({ caseId, letterId });
  return letterId;
}

const plan = { actions: [{ action: "Appoint a maths lead", lead: "Headteacher", by: "2027-01-15" }] };

/** Lincolnshire's policy with Westmarch's warning notice and action plan form, drafted, approved and issued by its roles. */
function withWestmarchNotice(policy: PolicyDocument): PolicyDocument {
  const source = parsePolicyDocument(westmarch);
  const notice = source.letterTypes.find((l) => l.key === "warning-notice");
  const form = source.forms.find((f) => f.key === "action-plan");
  if (!notice || !form) throw new Error("Westmarch has a warning notice and an action plan form.");
  policy.forms.push(form);
  policy.letterTypes.push({
    ...notice,
    permissions: {
      draft: ["education-locality-lead"],
      approve: ["head-of-school-standards"],
      issue: ["head-of-school-standards"],
    },
    recipients: notice.recipients.filter((r) => r.role !== "clerk-to-governors"),
    effect: {},
  });
  return policy;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "letters", (key, policy) =>
    key === "lincolnshire" ? withWestmarchNotice(policy) : policy,
  );
  const tenant = world.tenants.lincolnshire;
  [churchUrn, communityUrn] = tenant.schools.map((s) => s.urn) as [number, number];
  // GIAS names the first school's diocese (and, until the register's attributes reach the facts, so does its data).
  await withTenant(database.db, tenant.tenant.id, (trx) =>
    mergeSchoolData(trx, churchUrn, {
      attributes: { diocese: "Diocese of Westmarch" },
      facts: { ofsted: { overallEffectiveness: "requires-improvement" }, school: { diocese: "Diocese of Westmarch" } },
    }),
  );
  adviser = await world.as("lincolnshire", "education-locality-lead");
  service = await world.as("lincolnshire", "head-of-school-standards");
  head = await world.as("lincolnshire", "headteacher");
  otherHead = await world.as("lincolnshire", "other-headteacher");
  // Tuesday 24 November 2026: 15 working days on is Tuesday 15 December.
  await world.at("2026-11-24T09:00:00Z", adviser, service, head, otherHead);
});
afterAll(async () => database?.close());

describe("a letter's parameters, recipients and response form, through the API", () => {
  it("refuses a compliance period the notice does not allow, at its field", async () => {
    const { caseId } = await service.api.cases.open({ urn: communityUrn });
    communityCaseId = caseId;
    await expect(adviser.api.letters.draft(notice(caseId, 45))).rejects.toMatchObject({
      stewardCode: "invalid",
      pointer: "/parameters/compliancePeriod",
      message:
        "The Warning notice's details are not complete (Compliance period (working days)): Must be 30 or less (it is 45).",
    });
    const view = await adviser.api.cases.get({ caseId });
    expect(view.letters).toEqual([]);
  });

  it("drafts with parameters, issues with the deadline they set, and ties the school's action plan to it", async () => {
    const { caseId } = await service.api.cases.open({ urn: churchUrn });
    const letterId = await issuedNotice(caseId);

    let letter = (await service.api.cases.get({ caseId })).letters.find((l) => l.id === letterId);
    expect(letter).toMatchObject({
      status: "issued",
      deadline: "2026-12-15",
      response: { form: "action-plan", label: "Action plan", due: "2026-12-15", status: "awaited" },
    });
    expect(letter?.html).toContain("within 15 working days, by 15 December 2026");
    expect(letter?.parameters?.find((p) => p.field === "compliancePeriod")).toEqual({
      field: "compliancePeriod",
      title: "Compliance period (working days)",
      value: "15",
    });
    expect(letter?.recipients.filter((r) => r.copy).map((r) => r.name)).toEqual([
      "Headteacher",
      "The diocesan authority",
    ]);

    // The headteacher submits the action plan: the notice has its response, in the same request.
    const draft = await head.api.forms.save({ formKey: "action-plan", schoolUrn: churchUrn, data: plan });
    await world.at("2026-12-10T10:00:00Z", service, head);
    const submitted = await head.api.forms.submit({ id: draft.id, revision: draft.revision, data: plan });
    letter = (await service.api.cases.get({ caseId })).letters.find((l) => l.id === letterId);
    expect(letter?.response).toMatchObject({ status: "received", receivedOn: "2026-12-10", responseId: submitted.id });
    const events = await withTenant(database.db, world.tenants.lincolnshire.tenant.id, (trx) =>
      listCaseEvents(trx, caseId),
    );
    expect(events.map((e) => e.type)).toContain("letter-response-received");
  });

  it("shows the school when the action plan is due, overdue after it, and nothing for the LA only", async () => {
    await world.at("2026-11-24T09:00:00Z", adviser, service, head, otherHead);
    const caseId = communityCaseId;
    const letterId = await issuedNotice(caseId);

    const seen = (await otherHead.api.cases.get({ caseId })).letters.find((l) => l.id === letterId);
    expect(seen).toMatchObject({
      deadline: "2026-12-15",
      response: { label: "Action plan", due: "2026-12-15", status: "awaited" },
    });
    expect(seen?.parameters).toBeUndefined();
    expect(seen?.recipients.map((r) => r.name)).not.toContain("The diocesan authority");

    await world.at("2026-12-16T09:00:00Z", service, otherHead);
    const late = (await otherHead.api.cases.get({ caseId })).letters.find((l) => l.id === letterId);
    expect(late?.response?.status).toBe("overdue");
    expect((await service.api.cases.get({ caseId })).letters.find((l) => l.id === letterId)?.response?.status).toBe(
      "overdue",
    );
  });
});
