import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { deleteAt, setAt } from "../testing/break.ts";
import { validatePolicy } from "./index.ts";

interface BrokenCase {
  name: string;
  breakIt: (policy: PolicyDocument) => void;
  pointer: string;
  message: RegExp;
  severity?: "error" | "warning";
}

const cases: BrokenCase[] = [
  {
    name: "a required field is missing",
    breakIt: (p) => deleteAt(p, "/authority/name"),
    pointer: "/authority/name",
    message: /"name" is missing: it is required here/,
  },
  {
    name: "an unknown field",
    breakIt: (p) => setAt(p, "/authority/nmae", "x"),
    pointer: "/authority/nmae",
    message: /"nmae" is not a field here: check its spelling/,
  },
  {
    name: "an LA code that is not three digits",
    breakIt: (p) => setAt(p, "/authority/laCode", "87"),
    pointer: "/authority/laCode",
    message: /three-digit local authority code. Not "87"/,
  },
  {
    name: "a date in the wrong form",
    breakIt: (p) => setAt(p, "/strategy/effectiveFrom", "01/09/2025"),
    pointer: "/strategy/effectiveFrom",
    message: /date written YYYY-MM-DD, not "01\/09\/2025"/,
  },
  {
    name: "a strategy that ends before it starts",
    breakIt: (p) => setAt(p, "/strategy/effectiveTo", "2024-01-01"),
    pointer: "/strategy/effectiveTo",
    message: /ends \(2024-01-01\) before it starts \(2025-09-01\)/,
  },
  {
    name: "a colour that is not a GOV.UK tag colour",
    breakIt: (p) => setAt(p, "/categories/0/colour", "mauve"),
    pointer: "/categories/0/colour",
    message: /Must be one of "grey", "green".*; not "mauve"/,
  },
  {
    name: "a cadence unit that does not exist",
    breakIt: (p) => setAt(p, "/categories/1/cadence/0/frequency/unit", "fortnight"),
    pointer: "/categories/1/cadence/0/frequency/unit",
    message: /Must be one of "week", "month", "half-term", "term", "year"; not "fortnight"/,
  },
  {
    name: "a cadence of zero",
    breakIt: (p) => setAt(p, "/categories/1/cadence/0/frequency/every", 0),
    pointer: "/categories/1/cadence/0/frequency/every",
    message: /Must be 1 or more \(it is 0\)/,
  },
  {
    name: "a cadence naming an unknown visit type",
    breakIt: (p) => setAt(p, "/categories/1/cadence/0/visitType", "monitoring-visit"),
    pointer: "/categories/1/cadence/0/visitType",
    message: /There is no visit type "monitoring-visit". Use one of: core-visit/,
  },
  {
    name: "two categories with one key",
    breakIt: (p) => setAt(p, "/categories/1/key", "low"),
    pointer: "/categories/1/key",
    message: /The key "low" is already used by category "Low support"/,
  },
  {
    name: "a key with capitals and spaces",
    breakIt: (p) => setAt(p, "/categories/0/key", "Low Support"),
    pointer: "/categories/0/key",
    message: /lower-case letters and digits, words joined by single hyphens.*Not "Low Support"/,
  },
  {
    name: "two categories with one severity",
    breakIt: (p) => setAt(p, "/categories/1/severity", 0),
    pointer: "/categories/1/severity",
    message: /High support and Low support both have severity 0 and can apply to the same school/,
  },
  {
    name: "a category nothing leads to",
    breakIt: (p) => {
      setAt(
        p,
        "/criteria",
        p.criteria.filter((c) => c.category !== "high"),
      );
      setAt(p, "/triggers", []);
    },
    pointer: "/categories/1",
    message: /Nothing leads to High support/,
  },
  {
    name: "criteria for an unknown area",
    breakIt: (p) => setAt(p, "/criteria/0/area", "finance"),
    pointer: "/criteria/0/area",
    message: /There is no judgement area "finance"/,
  },
  {
    name: "criteria for an unknown category",
    breakIt: (p) => setAt(p, "/criteria/0/category", "medium"),
    pointer: "/criteria/0/category",
    message: /There is no category "medium". Use one of: low, high/,
  },
  {
    name: "criteria given twice for one area and category",
    breakIt: (p) => setAt(p, "/criteria/1/category", "low"),
    pointer: "/criteria/1",
    message: /Criteria for leadership in low are already given in the first set of criteria/,
  },
  {
    name: "a trigger reading an unknown fact",
    breakIt: (p) => setAt(p, "/triggers/0/when", { "==": [{ var: "ofsted.grade" }, "inadequate"] }),
    pointer: "/triggers/0/when/==/0/var",
    message:
      /reads "ofsted.grade", which is not a fact Steward knows. Facts under "ofsted": ofsted.overallEffectiveness/,
  },
  {
    name: "a trigger with an unknown operator",
    breakIt: (p) => setAt(p, "/triggers/0/when", { equals: [1, 1] }),
    pointer: "/triggers/0/when",
    message: /"equals" is not a JsonLogic operator/,
  },
  {
    name: "a rule with two operators",
    breakIt: (p) => setAt(p, "/triggers/0/when", { "==": [1, 1], "!=": [1, 2] }),
    pointer: "/triggers/0/when",
    message: /A rule has exactly one operator/,
  },
  {
    name: "a trigger that suggests nothing",
    breakIt: (p) => setAt(p, "/triggers/0/suggests", {}),
    pointer: "/triggers/0/suggests",
    message: /must suggest something/,
  },
  {
    name: "a trigger suggesting an unknown letter",
    breakIt: (p) => setAt(p, "/triggers/0/suggests/letterType", "final-warning"),
    pointer: "/triggers/0/suggests/letterType",
    message: /There is no letter type "final-warning"/,
  },
  {
    name: "a visit led by a school role",
    breakIt: (p) => setAt(p, "/visitTypes/0/ledBy", ["headteacher"]),
    pointer: "/visitTypes/0/ledBy/0",
    message: /"headteacher" is a school role: only an LA role can do this/,
  },
  {
    name: "an agenda for a term the calendar lacks",
    breakIt: (p) => setAt(p, "/visitTypes/0/agendas/0/term", "winter"),
    pointer: "/visitTypes/0/agendas/0/term",
    message: /There is no term "winter" in the calendar/,
  },
  {
    name: "a report form that does not exist",
    breakIt: (p) => setAt(p, "/visitTypes/0/reportForm", "monitoring-form"),
    pointer: "/visitTypes/0/reportForm",
    message: /There is no form "monitoring-form"/,
  },
  {
    name: "a meeting attendee with an unknown role",
    breakIt: (p) => setAt(p, "/meetingTypes/0/attendees/0/role", "director"),
    pointer: "/meetingTypes/0/attendees/0/role",
    message: /There is no role "director"/,
  },
  {
    name: "a participant with neither role nor label",
    breakIt: (p) => setAt(p, "/meetingTypes/0/attendees/0", {}),
    pointer: "/meetingTypes/0/attendees/0",
    message: /Give a role, or a label/,
  },
  {
    name: "a letter needing more indicators than it lists",
    breakIt: (p) => setAt(p, "/letterTypes/0/minimumIndicators", 3),
    pointer: "/letterTypes/0/minimumIndicators",
    message: /needs 3 indicators but lists only 2/,
  },
  {
    name: "a template using an unknown merge field",
    breakIt: (p) => setAt(p, "/letterTypes/0/template/body", "<p>{{ school.headName }}</p>"),
    pointer: "/letterTypes/0/template/body",
    message: /uses "school.headName", which is not a merge field/,
  },
  {
    name: "a template that does not parse",
    breakIt: (p) => setAt(p, "/letterTypes/0/template/subject", "{% if school.name %}Notice"),
    pointer: "/letterTypes/0/template/subject",
    message: /The template does not parse/,
  },
  {
    name: "a template using a filter Liquid does not have",
    breakIt: (p) => setAt(p, "/letterTypes/0/template/subject", "{{ school.name | shout }}"),
    pointer: "/letterTypes/0/template/subject",
    message: /The template does not parse/,
  },
  {
    name: "approval required with no approvers",
    breakIt: (p) => setAt(p, "/letterTypes/0/permissions/approve", []),
    pointer: "/letterTypes/0/permissions/approve",
    message: /Approval is required: say which roles may approve/,
  },
  {
    name: "a letter moving the case to an unknown stage",
    breakIt: (p) => setAt(p, "/letterTypes/0/effect/stage", "intervention"),
    pointer: "/letterTypes/0/effect/stage",
    message: /There is no stage "intervention"/,
  },
  {
    name: "a letter sent only as copies",
    breakIt: (p) => setAt(p, "/letterTypes/0/recipients/0/copy", true),
    pointer: "/letterTypes/0/recipients",
    message: /At least one recipient must be an addressee/,
  },
  {
    name: "an unknown initial stage",
    breakIt: (p) => setAt(p, "/escalation/initialStage", "monitoring"),
    pointer: "/escalation/initialStage",
    message: /There is no stage "monitoring"/,
  },
  {
    name: "a transition to an unknown stage",
    breakIt: (p) => setAt(p, "/escalation/transitions/0/to", "removed"),
    pointer: "/escalation/transitions/0/to",
    message: /There is no stage "removed"/,
  },
  {
    name: "a suggested transition with no rule",
    breakIt: (p) => deleteAt(p, "/escalation/transitions/0/when"),
    pointer: "/escalation/transitions/0/when",
    message: /A suggested transition needs a rule/,
  },
  {
    name: "two stages with one order",
    breakIt: (p) => setAt(p, "/escalation/stages/1/order", 0),
    pointer: "/escalation/stages/1/order",
    message: /Order 0 is also that of stage "Universal"/,
  },
  {
    name: "a form whose schema is not valid JSON Schema",
    breakIt: (p) => setAt(p, "/forms/0/schema/properties/summary/type", "strang"),
    pointer: "/forms/0/schema",
    message: /The form's JSON Schema is not valid/,
  },
  {
    name: "a uiSchema naming a field the form lacks",
    breakIt: (p) => setAt(p, "/forms/0/uiSchema", { sumary: { "ui:widget": "textarea" } }),
    pointer: "/forms/0/uiSchema/sumary",
    message: /names "sumary", which is not a field of the form. Fields: summary/,
  },
  {
    name: "a uiSchema naming a field the form lacks, inside ui:order",
    breakIt: (p) => setAt(p, "/forms/0/uiSchema", { "ui:order": ["summary", "sumary"] }),
    pointer: "/forms/0/uiSchema/ui:order/1",
    message: /"sumary" in ui:order is not a field of the form/,
  },
  {
    name: 'a form field left out of ui:order (no "*")',
    breakIt: (p) => {
      setAt(p, "/forms/0/schema/properties/nextSteps", { type: "string", title: "Next steps" });
      setAt(p, "/forms/0/uiSchema", { "ui:order": ["summary"] });
    },
    pointer: "/forms/0/uiSchema/ui:order",
    message: /ui:order leaves out "nextSteps": list every field of the form/,
  },
  {
    name: "a widget the theme does not have",
    breakIt: (p) => setAt(p, "/forms/0/uiSchema", { summary: { "ui:widget": "richtext" } }),
    pointer: "/forms/0/uiSchema/summary/ui:widget",
    message: /"richtext" is not a widget Steward's forms have. Widgets: .*textarea/,
  },
  {
    name: "a placeholder Steward does not fill",
    breakIt: (p) => setAt(p, "/roles/2/rules/0/conditions", { schoolUrn: "${user.school}" }),
    pointer: "/roles/2/rules/0/conditions",
    message: /\$\{user.school\} is not a placeholder Steward fills/,
  },
  {
    name: "a rule with an action Steward does not know",
    breakIt: (p) => setAt(p, "/roles/0/rules/0/action", "fly"),
    pointer: "/roles/0/rules/0/action",
    message: /Is not in any allowed form|Must be one of/,
  },
  {
    name: "a rule condition with an unknown operator",
    breakIt: (p) => setAt(p, "/roles/2/rules/0/conditions", { schoolUrn: { $near: "${user.schoolUrn}" } }),
    pointer: "/roles/2/rules/0/conditions",
    message: /use \$near, which permissions do not support/,
  },
  {
    name: "a school role's rule not limited to its school",
    breakIt: (p) => setAt(p, "/roles/2/rules/0/conditions", undefined),
    pointer: "/roles/2/rules/0",
    message: /limited to the user's own school/,
    severity: "warning",
  },
  {
    name: "a term that ends before it starts",
    breakIt: (p) => setAt(p, "/calendar/years/0/terms/1/end", "2025-12-31"),
    pointer: "/calendar/years/0/terms/1/end",
    message: /Spring term ends \(2025-12-31\) before it starts/,
  },
  {
    name: "a half term outside its term",
    breakIt: (p) => setAt(p, "/calendar/years/0/terms/0/halfTerms/1/end", "2026-01-10"),
    pointer: "/calendar/years/0/terms/0/halfTerms/1",
    message: /Autumn 2 .* lies outside Autumn term/,
  },
  {
    name: "overlapping terms",
    breakIt: (p) => setAt(p, "/calendar/years/0/terms/1/start", "2025-12-01"),
    pointer: "/calendar/years/0/terms/1/start",
    message: /starts \(2025-12-01\) before the previous term ends/,
  },
  {
    name: "a school year that is not one",
    breakIt: (p) => setAt(p, "/calendar/years/0/key", "2025-27"),
    pointer: "/calendar/years/0/key",
    message: /"2025-27" is not a school year: write it as 2025-26/,
  },
  {
    name: "a format version from the future",
    breakIt: (p) => setAt(p, "/formatVersion", 99),
    pointer: "/formatVersion",
    message: /Must be 4, not 99/,
  },
  {
    name: "a frequency with both every and times",
    breakIt: (p) => setAt(p, "/categories/0/cadence/0/frequency", { every: 1, times: 3, unit: "term" }),
    pointer: "/categories/0/cadence/0/frequency",
    message: /Give either "every" \(every 4 weeks\) or "times" \(4 times a year\), not both or neither/,
  },
  {
    name: "a deadline in an unknown unit",
    breakIt: (p) => setAt(p, "/letterTypes/0/deadline/within/unit", "fortnights"),
    pointer: "/letterTypes/0/deadline/within/unit",
    message: /Must be one of "calendar-days", "working-days"/,
  },
  {
    name: "an empty label",
    breakIt: (p) => setAt(p, "/categories/0/label", ""),
    pointer: "/categories/0/label",
    message: /Must not be empty/,
  },
  {
    name: "a list where a rule belongs",
    breakIt: (p) => setAt(p, "/triggers/0/when", []),
    pointer: "/triggers/0/when",
    message: /Must be an object, not a list/,
  },
];

describe("validatePolicy", () => {
  it("accepts the minimal policy with no problems", () => {
    const result = validatePolicy(createMinimalPolicy());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it(`has at least 30 broken policies to try (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("reports $name at $pointer", ({ breakIt, pointer, message, severity = "error" }) => {
    const policy = createMinimalPolicy();
    breakIt(policy);
    const result = validatePolicy(policy);
    const found = result.problems.filter((p) => p.pointer === pointer);
    expect(found, JSON.stringify(result.problems, null, 2)).not.toEqual([]);
    expect(found.map((p) => p.message).join("\n")).toMatch(message);
    expect(found.some((p) => p.severity === severity)).toBe(true);
    if (severity === "error") expect(result.ok).toBe(false);
    for (const problem of result.problems) {
      expect(problem.where.length).toBeGreaterThan(0);
      expect(problem.message).toMatch(/[.)]$/);
    }
  });

  it("returns every problem at once, not just the first", () => {
    const policy = createMinimalPolicy();
    deleteAt(policy, "/authority/name");
    setAt(policy, "/categories/0/colour", "mauve");
    setAt(policy, "/strategy/effectiveFrom", "tomorrow");
    expect(validatePolicy(policy).problems.map((p) => p.pointer)).toEqual([
      "/authority/name",
      "/categories/0/colour",
      "/strategy/effectiveFrom",
    ]);
  });

  it("names places by their labels", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/categories/1/cadence/0/visitType", "nope");
    const [problem] = validatePolicy(policy).problems;
    expect(problem?.where).toBe("Categories › High support › Cadence › monthly (as a minimum) › Visit type");
  });

  it("rejects what is not a policy at all, with a sentence", () => {
    expect(validatePolicy(null).problems[0]?.message).toBe("Must be an object, not null.");
    expect(validatePolicy([]).problems[0]?.message).toBe("Must be an object, not a list.");
  });

  it("keeps the document it validated when it is valid", () => {
    const policy: PolicyDocument = createMinimalPolicy();
    const result = validatePolicy(policy);
    expect(result.ok && result.document).toBe(policy);
  });
});
