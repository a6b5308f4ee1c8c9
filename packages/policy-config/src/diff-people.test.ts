// The diff as people read it, over real edits of both authorities' policies:
// a letter's paragraph reworded, a role's rule removed or added, a form's
// questions added, reworded and reordered.
import { describe, expect, it } from "vitest";

import cambridgeshire from "../tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "../tenants/lincolnshire/policy.json" with { type: "json" };
import { diffPermissions } from "./diff-permissions.ts";
import { diffText, shortenUnchanged } from "./diff-words.ts";
import { diffPolicies } from "./diff.ts";
import type { PolicyDocument } from "./schema/policy.ts";

const TENANTS = { cambridgeshire, lincolnshire } as const;
const copy = (doc: unknown) => structuredClone(doc) as PolicyDocument;
const messages = (before: unknown, after: unknown) => diffPolicies(before, after).entries.map((e) => e.message);
const roleOf = (doc: PolicyDocument, key: string) => doc.roles.find((r) => r.key === key)!;

describe.each(Object.entries(TENANTS))("the diff of %s's policy", (_name, policy) => {
  it("shows a reworded template paragraph word by word, nothing cut", () => {
    const before = copy(policy);
    const after = copy(policy);
    const paragraph = /<p>I am writing [^<]*<\/p>/;
    const letter = after.letterTypes.find((l) => paragraph.test(l.template.body))!;
    const sentence = paragraph.exec(letter.template.body)?.[0];
    letter.template.body = letter.template.body.replace(sentence!, sentence!.replace("I am writing", "I write"));
    const [entry, ...others] = diffPolicies(before, after).entries;
    expect(others).toEqual([]);
    expect(entry!.message).toBe(`Letter '${letter.label}': body reworded`);
    expect(entry!.text!.filter((p) => p.kind !== "same")).toEqual([
      { kind: "removed", text: "am writing" },
      { kind: "added", text: "write" },
    ]);
    // Every word of the new template is there: the kept and added parts make it whole.
    expect(
      entry!
        .text!.filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(letter.template.body);
  });

  it("says a removed and an added role rule as what the role may no longer and may now do", () => {
    const before = copy(policy);
    const after = copy(policy);
    const head = roleOf(after, "headteacher");
    head.rules = head.rules.filter((r) => r.subject !== "VisitReport");
    const seniorKey = policy === cambridgeshire ? "school-improvement-adviser" : "education-locality-lead";
    const adviser = roleOf(after, seniorKey);
    adviser.rules.push({ action: "approve", subject: "Letter" });
    const said = messages(before, after);
    expect(said).toContain("Headteacher may no longer read Visit report (own school only, published only)");
    expect(said).toContain(`${adviser.label} may now approve Letter`);
    expect(said.some((m) => m.includes("a new value") || /rule .* (added|removed)/.test(m))).toBe(false);
  });

  it("says a form's questions added, reworded, moved and no longer required", () => {
    const before = copy(policy);
    const after = copy(policy);
    const form = after.forms.find((f) => f.key === "school-self-evaluation")!;
    const properties = (form.schema as { properties: Record<string, { title: string }> }).properties;
    const order = (form.uiSchema as { "ui:order": string[] })["ui:order"];
    properties.wellbeing = { title: "Staff wellbeing" };
    order.splice(2, 0, "wellbeing");
    const [first, second] = [order[3]!, order[4]!];
    order.splice(3, 2, second, first);
    properties.completedBy!.title = "Completed by (name and role)";
    const said = messages(before, after);
    const title = `Form 'School self-evaluation'`;
    expect(said).toContain(`${title}: question 'Staff wellbeing' added`);
    expect(said).toContain(`${title}: question reworded from 'Completed by' to 'Completed by (name and role)'`);
    expect(said).toContain(
      `${title}: question '${properties[first]!.title}' moved: now after '${properties[second]!.title}'`,
    );
    expect(said.filter((m) => m.startsWith(title))).toHaveLength(3);
  });
});

describe("permission rules in words", () => {
  it("names the policy's keys by their labels and a forbidding rule as such", () => {
    const before = copy(lincolnshire);
    const after = copy(lincolnshire);
    roleOf(after, "headteacher").rules.pop();
    expect(diffPermissions(before, after).map((c) => c.sentence)).toEqual([
      "Headteacher is no longer forbidden to read Meeting (own school only, meeting types: Strategy meeting: serious allegations against the headteacher or Strategy meeting chaired by the LADO: serious allegations against the headteacher open to LADO)",
      "Headteacher is no longer forbidden to read Meeting key points (own school only, meeting types: Strategy meeting: serious allegations against the headteacher or Strategy meeting chaired by the LADO: serious allegations against the headteacher open to LADO)",
    ]);
  });
});

describe("word-level text comparison", () => {
  it("shortens long unchanged runs but keeps every change and the words beside it", () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const before = words.join(" ");
    const after = words.map((w) => (w === "w30" ? "changed" : w)).join(" ");
    const parts = shortenUnchanged(diffText(before, after), 3);
    expect(parts.map((p) => p.text).join("|")).toBe("… w27 w28 w29 |w30|changed| w31 w32 w33 …");
  });
});
