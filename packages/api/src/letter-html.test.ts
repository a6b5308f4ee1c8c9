import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";

import { publishPolicyFile } from "./services/provision.ts";
import { TestWorld } from "./testing/fixtures/world.ts";

// A letter's HTML comes from the policy's template. Merged values are escaped
// by the engine; whatever markup the template itself carries is sanitised on
// the server before the letter is stored (and before a preview is returned),
// so a hostile or careless template cannot put script into anyone's browser.

let database: StewardDatabase;
let world: TestWorld;
let versionId: string;

const HOSTILE =
  '<p onclick="steal()">Dear {{ recipient.name }},</p>' +
  "<script>alert('draft')</script><style>body { display: none }</style>" +
  '<img src="x" onerror="alert(1)"><p><a href="javascript:alert(2)">Read more</a> <a href="https://www.gov.uk/" target="_blank" onmouseover="x()">GOV.UK</a> <a href="mailto:team@example.org">Email us</a></p>' +
  '<iframe src="https://evil.example/"></iframe><table><thead><tr><th scope="col" style="color:red">Action</th></tr></thead><tbody><tr><td>{{ officer.name }}</td></tr></tbody></table>' +
  '<svg><script>alert(3)</script></svg><h2 class="x">Indicators</h2><ul>{% for indicator in indicators %}<li>{{ indicator.text }}</li>{% endfor %}</ul>';

function expectClean(html: string) {
  expect(html).not.toMatch(
    /<script|<style|<iframe|<img|<svg|onerror|onclick|onmouseover|javascript:|style=|target=|class=/i,
  );
  expect(html).not.toContain("alert(");
  // What a letter may hold is kept.
  expect(html).toContain('<a href="https://www.gov.uk/">GOV.UK</a>');
  expect(html).toContain('<a href="mailto:team@example.org">Email us</a>');
  expect(html).toContain('<th scope="col">Action</th>');
  expect(html).toContain("<h2>Indicators</h2>");
  expect(html).toMatch(/<p>Dear [^<]+,<\/p>/);
  expect(html).toMatch(/<li>[^<]+<\/li>/);
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "letter-html");
  const cambs = world.tenants.cambridgeshire;
  const policy = structuredClone<PolicyDocument>(cambs.policy);
  policy.letterTypes.find((l) => l.key === "warning-notice")!.template.body = HOSTILE;
  versionId = (await publishPolicyFile(database.db, cambs.tenant.id, policy, "Hostile template")).id;
});
afterAll(async () => database?.close());

describe("letter HTML from a template with markup", () => {
  it("is stored clean when drafted and when issued", async () => {
    const cambs = world.tenants.cambridgeshire;
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const director = await world.as("cambridgeshire", "director-of-education");
    const { caseId } = await senior.api.cases.open({ urn: cambs.schools[0]!.urn });
    const notice = (await senior.api.letters.eligible({ caseId })).find((l) => l.key === "warning-notice")!;
    const { letterId } = await senior.api.letters.draft({
      caseId,
      letterType: "warning-notice",
      indicators: [{ key: notice.indicators[0]!.key, evidence: "Seen" }],
      recipient: { name: "Pat Chair" },
    });
    const drafted = (await senior.api.cases.get({ caseId })).letters.find((l) => l.id === letterId)!;
    expectClean(drafted.html);

    await director.api.letters.approve({ caseId, letterId });
    await director.api.letters.issue({ caseId, letterId });
    const issued = (await senior.api.cases.get({ caseId })).letters.find((l) => l.id === letterId)!;
    expect(issued.status).toBe("issued");
    expectClean(issued.html);

    // What is stored, not only what is shown: the events and the case's state.
    const rows = await database.db
      .selectFrom("case_events")
      .select(["type", "payload"])
      .where("case_id", "=", caseId)
      .execute();
    const stored = JSON.stringify(rows.filter((r) => r.type === "letter-drafted" || r.type === "letter-issued"));
    expect(stored).toContain("GOV.UK");
    expect(stored).not.toMatch(/<script|onerror|onclick|javascript:/i);
    const state = await database.db
      .selectFrom("cases")
      .select("state")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(state)).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });

  it("is previewed clean in the policy studio", async () => {
    const admin = await world.as("cambridgeshire", "policy-administrator");
    const preview = await admin.api.policy.previewLetter({ id: versionId, letterType: "warning-notice" });
    expectClean(preview.html);
  });
});
