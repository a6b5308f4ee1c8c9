import { describe, expect, it } from "vitest";

import westmarch from "../fixtures/westmarch/policy.json" with { type: "json" };
import cambridgeshire from "../tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "../tenants/lincolnshire/policy.json" with { type: "json" };
import {
  conditionChoices,
  grantKind,
  grantsFor,
  readChoice,
  replaceGrants,
  setConditions,
  writeChoice,
} from "./permission-cells.ts";
import { asList, describeRole, describeRule, SUBJECT_GROUPS } from "./permission-words.ts";
import type { PolicyDocument, Rule } from "./schema/policy.ts";
import { SUBJECTS } from "./vocabulary.ts";

const policies = { cambridgeshire, lincolnshire, westmarch } as unknown as Record<string, PolicyDocument>;
const tenants = Object.entries(policies);
const roleOf = (policy: PolicyDocument, key: string) => {
  const role = policy.roles.find((r) => r.key === key);
  if (!role) throw new Error(`no role ${key}`);
  return role;
};

describe("a role's rules in sentences", () => {
  it.each(tenants)("%s: every rule of every role reads as sentences in plain words", (_, policy) => {
    for (const role of policy.roles) {
      const sentences = describeRole(policy, role);
      const expected = role.rules.reduce((n, rule) => n + asList(rule.subject).length, 0);
      expect(sentences).toHaveLength(expected);
      for (const sentence of sentences) {
        expect(sentence.startsWith(`${role.label} may `)).toBe(true);
        expect(sentence).not.toMatch(/\$\{|\$in|\$ne|[{}]/);
      }
    }
  });

  it("says what the headteacher may see, with the limits in words", () => {
    const sentences = describeRole(cambridgeshire, roleOf(policies.cambridgeshire as PolicyDocument, "headteacher"));
    expect(sentences).toContain("Headteacher may read Visit report (own school only, published only)");
    expect(sentences).toContain("Headteacher may read Letter (own school only, issued or acknowledged only)");
    expect(sentences).toContain(
      "Headteacher may read Case (own school only, only its school URN, category, stage and assigned officer)",
    );
    expect(sentences.find((s) => s.includes("never"))).toMatch(
      /^Headteacher may never read Meeting minutes \(own school only\): The LAIG is a confidential meeting/,
    );
  });

  it("names the policy's own labels, and conditions it has no words for as they are", () => {
    const policy = policies.lincolnshire as PolicyDocument;
    const meetingType = policy.meetingTypes[0];
    if (!meetingType) throw new Error("Lincolnshire has meeting types");
    const rule: Rule = {
      action: ["read", "create"],
      subject: "MeetingMinutes",
      conditions: { meetingType: { $in: [meetingType.key] }, "school.district": "Fenland", status: { $ne: "draft" } },
    };
    expect(describeRule(policy, "Adviser", rule)).toEqual([
      `Adviser may read and create Meeting minutes (meeting types: ${meetingType.label}, school's district is Fenland, status not draft)`,
    ]);
    expect(describeRule(policy, "Adviser", { action: "manage", subject: ["Policy", "all"] })).toEqual([
      "Adviser may do anything to Policy",
      "Adviser may do anything to everything",
    ]);
  });
});

describe("a matrix cell and the rules", () => {
  it("groups every subject of the vocabulary once", () => {
    expect(SUBJECT_GROUPS.flatMap((g) => g.subjects).toSorted()).toEqual([...SUBJECTS].toSorted());
  });

  it.each(tenants)(
    "%s: writing back a cell nobody changed leaves every rule as written, keys in order",
    (_, policy) => {
      for (const role of policy.roles) {
        for (const subject of SUBJECTS) {
          const after = replaceGrants(role.rules, subject, grantsFor(role.rules, subject));
          expect(JSON.stringify(after)).toBe(JSON.stringify(role.rules));
        }
      }
    },
  );

  it("removes the headteacher's reading of visit reports and nothing else", () => {
    const { rules } = roleOf(policies.cambridgeshire as PolicyDocument, "headteacher");
    const grants = grantsFor(rules, "VisitReport").map((g) => ({ ...g, actions: [] }));
    const after = replaceGrants(rules, "VisitReport", grants);
    expect(after).toHaveLength(rules.length - 1);
    expect(after.some((r) => asList(r.subject).includes("VisitReport"))).toBe(false);
    expect(after).toEqual(rules.filter((r) => r.subject !== "VisitReport"));
  });

  it("splits a rule about several subjects when one of them changes, keeping its place", () => {
    const { rules } = roleOf(policies.cambridgeshire as PolicyDocument, "headteacher");
    const index = rules.findIndex((r) => asList(r.subject).includes("Meeting"));
    const [grant] = grantsFor(rules, "Meeting");
    if (!grant) throw new Error("the headteacher reads meetings");
    const after = replaceGrants(rules, "Meeting", [{ ...grant, inverted: true, reason: "Not for schools." }]);
    expect(after[index]?.subject).toEqual(["Visit", "MeetingKeyPoints", "Action"]);
    expect(after[index + 1]).toEqual({
      action: "read",
      subject: "Meeting",
      conditions: { schoolUrn: "${user.schoolUrn}" },
      inverted: true,
      reason: "Not for schools.",
    });
    expect(grantKind({ ...grant, inverted: true })).toBe("never");
    expect(grantKind(grant)).toBe("conditional");
  });

  it("adds a new grant at the end as a rule of one subject", () => {
    const rules: Rule[] = [{ action: "read", subject: "all" }];
    expect(replaceGrants(rules, "Policy", [{ actions: ["update", "publish"] }])).toEqual([
      { action: "read", subject: "all" },
      { action: ["update", "publish"], subject: "Policy" },
    ]);
  });
});

describe("condition choices", () => {
  it.each(tenants)("%s: every condition a choice can read is written back the same", (_, policy) => {
    for (const rule of policy.roles.flatMap((r) => r.rules)) {
      const conditions: Record<string, unknown> = rule.conditions ?? {};
      for (const subject of asList(rule.subject)) {
        for (const choice of conditionChoices(policy, subject)) {
          const answer = readChoice(choice, conditions[choice.field]);
          if (answer !== undefined) expect(writeChoice(choice, answer)).toEqual(conditions[choice.field]);
        }
      }
    }
  });

  it("offers the policy's meeting types, the letter statuses and own school", () => {
    const policy = policies.cambridgeshire as PolicyDocument;
    const choices = conditionChoices(policy, "Meeting");
    expect(choices.map((c) => c.label)).toEqual(["Own school only", "Only these meeting types"]);
    const types = choices[1];
    expect(types?.kind === "some" && types.options.map((o) => o.key)).toEqual(policy.meetingTypes.map((m) => m.key));
    const status = conditionChoices(policy, "Letter").find((c) => c.field === "status");
    if (!status) throw new Error("letters have a status");
    expect(readChoice(status, { $in: ["issued", "acknowledged"] })).toEqual(["issued", "acknowledged"]);
    expect(readChoice(status, { $ne: "draft" })).toBeUndefined();
    expect(writeChoice(status, ["issued"])).toBe("issued");
  });

  it("changes one condition in its place and leaves out what is unticked", () => {
    const conditions = { schoolUrn: "${user.schoolUrn}", published: true, "school.district": "Northfield" };
    expect(Object.entries(setConditions(conditions, { published: undefined, status: "draft" }) ?? {})).toEqual([
      ["schoolUrn", "${user.schoolUrn}"],
      ["school.district", "Northfield"],
      ["status", "draft"],
    ]);
    expect(setConditions({ published: true }, { published: undefined })).toBeUndefined();
  });
});
