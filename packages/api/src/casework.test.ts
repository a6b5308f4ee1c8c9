import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { sampleFromSchema } from "./demo/sample-data.ts";
import { TestWorld } from "./testing/fixtures/world.ts";
import { anyString, containing, matching } from "./testing/matchers.ts";

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "casework");
});
afterAll(async () => database?.close());

describe("an LA officer's casework, and the school's view of it", () => {
  it("categorises, visits, reports and issues a letter that the headteacher reads and acknowledges", async () => {
    const cambs = world.tenants.cambridgeshire;
    const [school] = cambs.schools;
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const adviser = await world.as("cambridgeshire", "school-improvement-adviser");
    const head = await world.as("cambridgeshire", "headteacher");

    const { caseId } = await senior.api.cases.open({ urn: school!.urn });
    const officers = await senior.api.users.list({ officersOnly: true });
    const sia = officers.find((o) => o.grants.some((g) => g.role === "school-improvement-adviser"))!;
    await senior.api.cases.assign({ caseId, officerId: sia.id });

    // Best fit: two high-support descriptors in each area.
    const selections = cambs.policy.areas.map((area) => {
      const set = cambs.policy.criteria.find((c) => c.area === area.key && c.category === "high-support")!;
      return {
        area: area.key,
        descriptors: set.descriptors.slice(0, 2).map((d) => ({ category: "high-support", descriptor: d.key })),
        evidence: "Seen on the autumn visit.",
      };
    });
    await adviser.api.assessments.record({ caseId, selections });
    const assessed = await adviser.api.cases.get({ caseId });
    expect(assessed.assessments[0]!.suggested).toBe("high-support");
    expect(assessed.assessments[0]!.explanation.length).toBeGreaterThan(0);
    // A different category needs a rationale.
    await expect(
      adviser.api.assessments.decide({ caseId, category: "low-support", effectiveFrom: "2021-10-04" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: containing("say why") });
    await adviser.api.assessments.decide({ caseId, category: "high-support", effectiveFrom: "2021-10-04" });

    let view = await adviser.api.cases.get({ caseId });
    expect(view.category).toMatchObject({ key: "high-support", label: matching(/high/i) });
    expect(view.stage?.key).toBe("intervention-and-support");
    expect(view.visitPlan.length).toBeGreaterThan(5);

    // The dashboard shows it with its next visit due.
    const list = await senior.api.cases.list({ search: school!.name });
    expect(list.items[0]).toMatchObject({
      id: caseId,
      category: "high-support",
      stage: "intervention-and-support",
      assignedOfficer: { id: sia.id },
    });
    expect(list.items[0]!.nextVisitDue).toMatch(/^2021-10/);

    // Schedule a visit on a school day (never in a holiday), record it and publish it.
    await expect(
      adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-10-27" }),
    ).rejects.toMatchObject({ message: containing("not a school day") });
    await adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-10-14" });
    view = await adviser.api.cases.get({ caseId });
    const visit = view.visits[0]!;
    await world.at("2021-10-14T15:00:00Z", senior, adviser, head);
    const reportForm = cambs.policy.forms.find((f) => f.key === "visit-report")!;
    await expect(
      adviser.api.visits.record({ caseId, visitId: visit.id, data: {}, concerns: true }),
    ).rejects.toMatchObject({ message: containing("not complete") });
    const data = sampleFromSchema(reportForm.schema, { date: "2021-10-14" }) as Record<string, unknown>;
    await adviser.api.visits.record({ caseId, visitId: visit.id, data, concerns: true, publish: false });
    // Unpublished: the headteacher sees the visit but not the report.
    let schoolView = await head.api.cases.get({ caseId });
    expect(schoolView.visits[0]).toMatchObject({ status: "completed", reportWithheld: true });
    expect(schoolView.visits[0]!.report).toBeUndefined();
    await adviser.api.visits.publish({ caseId, visitId: visit.id });
    schoolView = await head.api.cases.get({ caseId });
    expect(schoolView.visits[0]!.report?.data).toEqual(data);

    // A warning notice: drafted, approved by a second officer, issued; the school sees it only once issued.
    const eligible = await senior.api.letters.eligible({ caseId });
    const notice = eligible.find((l) => l.key === "warning-notice")!;
    expect(notice.applicable).toBe(true);
    const { letterId } = await senior.api.letters.draft({
      caseId,
      letterType: "warning-notice",
      indicators: [{ key: notice.indicators[0]!.key, evidence: "Key stage 2 results <b>below</b> the floor standard" }],
      actions: [{ text: "Present a costed improvement plan to the LA", due: "2021-11-19" }],
      recipient: { name: "Pat Chair" },
    });
    schoolView = await head.api.cases.get({ caseId });
    expect(schoolView.letters).toEqual([]);
    const director = await world.as("cambridgeshire", "director-of-education");
    // Only the roles the letter type names may approve it, and never the officer who drafted it.
    expect((await senior.api.cases.get({ caseId })).letters[0]!.can).toMatchObject({ approve: false, issue: false });
    expect((await director.api.cases.get({ caseId })).letters[0]!.can).toMatchObject({ approve: true });
    await director.api.letters.approve({ caseId, letterId });
    expect((await director.api.cases.get({ caseId })).letters[0]!.can).toMatchObject({ approve: false, issue: true });
    const issued = await director.api.letters.issue({ caseId, letterId });
    expect(issued.events).toContain("letter-issued");
    view = await senior.api.cases.get({ caseId });
    const letter = view.letters.find((l) => l.id === letterId)!;
    expect(letter.status).toBe("issued");
    // Issued by the director, it keeps the addressee it was drafted to and the signature of the officer who drafted it.
    expect(letter.html).toContain("Dear Pat Chair,");
    const drafter = (await senior.api.auth.me())!.user.displayName;
    const issuer = (await director.api.auth.me())!.user.displayName;
    expect(letter.html).toContain(`<p>${drafter}<br />`);
    expect(letter.html).not.toContain(`<p>${issuer}<br />`);
    expect(letter.html).toContain((await senior.api.auth.me())!.user.email);
    // Merged values are escaped: the evidence's markup is text, not HTML.
    expect(letter.html).toContain("&lt;b&gt;below&lt;/b&gt;");
    expect(letter.html).not.toContain("<b>below</b>");

    const pdf = await head.api.letters.pdf({ caseId, letterId });
    expect(Buffer.from(pdf.base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    const awaiting = await senior.api.cases.list({ awaitingAcknowledgement: true });
    expect(awaiting.items.map((c) => c.id)).toEqual([caseId]);
    expect((await senior.api.cases.summary({})).lettersAwaitingAcknowledgement).toBe(1);
    await head.api.letters.acknowledge({ caseId, letterId });
    expect((await senior.api.cases.list({ awaitingAcknowledgement: true })).total).toBe(0);
    schoolView = await head.api.cases.get({ caseId });
    expect(schoolView.letters[0]).toMatchObject({ status: "acknowledged", acknowledgedBy: anyString() });
    // Only an issued letter is acknowledged (the policy's rule says so).
    await expect(head.api.letters.acknowledge({ caseId, letterId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The timeline says what happened; the school's says only what it may see.
    expect(view.timeline.map((t) => t.summary).join("\n")).toMatch(/drafted/);
    expect(schoolView.timeline.map((t) => t.summary).join("\n")).not.toMatch(/drafted|approved|Officer assigned/);

    // As it was on a past date: before the category decision.
    const before = await senior.api.cases.at({ caseId, date: "2021-10-03" });
    expect(before).toBeNull();
    const early = await senior.api.cases.at({ caseId, date: "2021-10-04" });
    expect(early?.letters).toEqual([]);
  });
});
