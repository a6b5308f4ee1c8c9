import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { CaseHarness } from "../testing/harness.ts";

// A letter's template comes from the policy. A policy stored before today's
// validator (or edited behind its back) must not be able to hang the engine,
// exhaust its memory or read a file: the renderer refuses what the validator
// refuses, and stops what runs too long or grows too big, with a sentence.

const adviser = ["adviser-1", [{ role: "adviser" }]] as const;
const senior = ["senior-1", [{ role: "senior-officer" }]] as const;
const school = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" as const };
const people = { officer: { name: "A. Adviser" }, recipient: { name: "Chair Smith", role: "Chair of governors" } };

function caseWithBody(body: string, subject = "Warning notice: {{ school.name }}") {
  const policy: PolicyDocument = createMinimalPolicy();
  policy.roles.find((r) => r.key === "adviser")!.rules = [
    { action: ["read", "create", "draft"], subject: ["Case", "Letter"] },
  ];
  policy.letterTypes[0]!.template = { subject, body };
  const h = new CaseHarness(policy, "2025-09-08T09:00:00Z");
  h.run(...senior, { type: "open-case", school });
  return h;
}

function draft(h: CaseHarness) {
  return h.refuse(...adviser, {
    type: "draft-letter",
    letterType: "warning-notice",
    indicators: [{ key: "low-standards", evidence: "KS2" }],
    people,
  });
}

describe("a letter template from the policy", () => {
  it("renders an ordinary template, merged values escaped", () => {
    const h = caseWithBody("<p>Dear {{ recipient.name }}, {{ school.name | append: '!' }}</p>");
    h.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "low-standards", evidence: "KS2" }],
      people,
    });
    expect(h.state.letters[0]!.html).toBe("<p>Dear Chair Smith, Example Primary!</p>");
  });

  it("writes the subject as plain text and the body as HTML: an apostrophe or a < stays itself in the subject, escaped in the body", () => {
    const named = new CaseHarness(caseWithBody("<p>{{ school.name }}</p>").policy, "2025-09-08T09:00:00Z");
    named.run(...senior, { type: "open-case", school: { ...school, name: "St Aidan's <Church> Primary" } });
    named.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "low-standards", evidence: "KS2" }],
      people,
    });
    const letter = named.state.letters[0]!;
    expect(letter.subject).toBe("Warning notice: St Aidan's <Church> Primary");
    expect(letter.html).toBe("<p>St Aidan&#39;s &lt;Church&gt; Primary</p>");
  });

  it("stops a loop over a hundred million numbers with a sentence, and drafts nothing", () => {
    const h = caseWithBody("{% for i in (1..100000000) %}x{% endfor %}");
    const error = draft(h);
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/^The Warning notice cannot be written from its body template\. .*too much text/);
    expect(h.state.letters).toEqual([]);
  });

  it("stops nested loops that would run for hours", () => {
    const h = caseWithBody(
      "{% for i in (1..3000) %}{% for j in (1..3000) %}{% for k in (1..3000) %}x{% endfor %}{% endfor %}{% endfor %}",
    );
    const started = Date.now();
    const error = draft(h);
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/too long to render|too much text/);
    // Not a timing assertion on the limit itself: only that it did not hang.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("stops a string doubled by append until it fills the memory", () => {
    const h = caseWithBody(
      "{% assign s = school.name %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}",
    );
    expect(draft(h).message).toMatch(/too much text/);
  });

  it("refuses to include a file, without saying anything about the disk", () => {
    for (const body of [
      "{% include 'package.json' %}",
      "{% include 'no-such-file' %}",
      "{% render 'package.json' %}",
      "{% layout 'package.json' %}",
    ]) {
      const error = draft(caseWithBody(body));
      expect(error.message).toMatch(/cannot (include|render|use a layout)/);
      expect(error.message).not.toMatch(/ENOENT|no such file|"name": "@steward/);
    }
  });

  it("refuses raw", () => {
    expect(draft(caseWithBody("{% raw %}{{ school.name }}{% endraw %}")).message).toMatch(/cannot use raw/);
  });

  it("refuses a merge field the validator would refuse", () => {
    expect(draft(caseWithBody("<p>{{ school.constructor }}</p>")).message).toMatch(
      /"school.constructor", which is not a merge field/,
    );
  });

  it("refuses a bad subject template too", () => {
    expect(draft(caseWithBody("<p>ok</p>", "{% include 'package.json' %}")).message).toMatch(
      /from its subject template\. .*cannot include/,
    );
  });
});
