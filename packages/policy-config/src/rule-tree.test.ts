import { describe, expect, it } from "vitest";

import cambridgeshire from "../tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "../tenants/lincolnshire/policy.json" with { type: "json" };
import { formatRuleTree, parseRuleTree } from "./rule-tree.ts";

const policies = { cambridgeshire, lincolnshire };

/** Every trigger's and transition's rule of a policy, named. */
function rulesOf(policy: typeof cambridgeshire | typeof lincolnshire): [string, unknown][] {
  const triggers = policy.triggers.map((t): [string, unknown] => [`trigger ${t.key}`, t.when]);
  const transitions = policy.escalation.transitions.flatMap((t, i): [string, unknown][] =>
    "when" in t && t.when ? [[`transition ${i}`, t.when]] : [],
  );
  return [...triggers, ...transitions];
}

describe.each(Object.entries(policies))("the rules of %s", (_, policy) => {
  const rules = rulesOf(policy);

  it.each(rules)("%s writes back unchanged when not edited, or says why the builder cannot show it", (_, rule) => {
    const parsed = parseRuleTree(rule);
    if (parsed.ok) expect(formatRuleTree(parsed.tree)).toEqual(rule);
    else expect(parsed.reason).toMatch(/^It /);
  });

  it("the builder shows nearly all of them", () => {
    const shown = rules.filter(([, rule]) => parseRuleTree(rule).ok);
    expect(shown.length).toBeGreaterThanOrEqual(rules.length - 1);
  });
});

describe("parseRuleTree", () => {
  it("reads groups, negated lists and a bare condition", () => {
    const rule = {
      and: [
        { "===": [{ var: "ofsted.ratingDropped" }, true] },
        { or: [{ "!": { in: [{ var: "case.category" }, ["a", "b"]] } }, { "<": [{ var: "case.monthsInStage" }, 6] }] },
      ],
    };
    const parsed = parseRuleTree(rule);
    expect(parsed).toMatchObject({
      ok: true,
      tree: {
        combinator: "and",
        children: [
          { fact: "ofsted.ratingDropped", operator: "===", value: true },
          {
            combinator: "or",
            children: [
              { operator: "not-in", value: ["a", "b"] },
              { operator: "<", value: 6 },
            ],
          },
        ],
      },
    });
    expect(parseRuleTree({ "==": [{ var: "school.governance" }, "academy"] })).toMatchObject({
      ok: true,
      tree: { bare: true, children: [{ fact: "school.governance" }] },
    });
  });

  it("writes an edited bare condition inside its group once it has a second row", () => {
    const parsed = parseRuleTree({ "==": [{ var: "school.governance" }, "academy"] });
    if (!parsed.ok) throw new Error(parsed.reason);
    parsed.tree.children.push({ kind: "condition", fact: "school.urn", operator: ">", value: 100 });
    expect(formatRuleTree(parsed.tree)).toEqual({
      and: [{ "==": [{ var: "school.governance" }, "academy"] }, { ">": [{ var: "school.urn" }, 100] }],
    });
  });

  it.each([
    [{ ">=": [{ "+": [1, 2] }, 2] }, "something other than one fact"],
    [{ if: [true, 1, 0] }, '"if"'],
    [{ "==": [{ var: ["school.urn", 0] }, 1] }, "something other than one fact"],
    [{ "!": [{ in: [{ var: "case.stage" }, ["a"]] }] }, '"not"'],
    [{ "==": [{ var: "case.stage" }, { var: "case.category" }] }, "something other than a value"],
  ])("says why %j is not a tree", (rule, words) => {
    const parsed = parseRuleTree(rule);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(words);
  });
});
