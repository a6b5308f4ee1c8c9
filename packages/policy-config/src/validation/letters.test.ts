import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { deleteAt, setAt } from "../testing/break.ts";
import { validatePolicy } from "./index.ts";

/**
 * The minimal policy's notice, given what format 4 adds to a letter type: a
 * period and a paragraph the drafting officer fills in, a deadline from that
 * period, a copy to the diocese for a church school only, and an action plan
 * the school sends back by the deadline.
 */
function letterPolicy(): PolicyDocument {
  const policy = createMinimalPolicy();
  policy.forms.push({
    key: "action-plan",
    title: "Action plan",
    purpose: "action-plan",
    audience: "school",
    schema: { type: "object", required: ["plan"], properties: { plan: { type: "string", title: "Plan" } } },
  });
  const notice = policy.letterTypes[0];
  if (!notice) throw new Error("The minimal policy has a notice.");
  notice.parameters = {
    schema: {
      type: "object",
      required: ["period", "concerns"],
      properties: {
        period: { type: "integer", title: "Days to comply", minimum: 5, maximum: 30 },
        concerns: { type: "string", title: "Concerns" },
        meetingOn: { type: "string", format: "date", title: "Meeting date" },
      },
    },
    uiSchema: { concerns: { "ui:widget": "textarea" } },
  };
  notice.deadline = {
    kind: "compliance",
    fromParameter: { field: "period", unit: "working-days" },
    label: "Comply within the period set",
  };
  notice.recipients.push({
    label: "Diocesan Board of Education",
    copy: true,
    when: { "!!": [{ var: "school.diocese" }] },
  });
  notice.responseForm = { form: "action-plan", label: "Action plan" };
  notice.template.body = "<p>{{ parameters.concerns }}</p><p>Within {{ parameters.period }} days.</p>";
  return policy;
}

interface BrokenCase {
  name: string;
  breakIt: (policy: PolicyDocument) => void;
  pointer: string;
  message: RegExp;
  severity?: "error" | "warning";
}

const cases: BrokenCase[] = [
  {
    name: "parameters whose schema is not valid JSON Schema",
    breakIt: (p) => setAt(p, "/letterTypes/0/parameters/schema/properties/concerns/type", "strang"),
    pointer: "/letterTypes/0/parameters/schema",
    message: /The parameters' JSON Schema is not valid/,
  },
  {
    name: "parameters that are not an object schema",
    breakIt: (p) => setAt(p, "/letterTypes/0/parameters/schema/type", "array"),
    pointer: "/letterTypes/0/parameters/schema/type",
    message: /must be an object schema/,
  },
  {
    name: "parameters with their own $id",
    breakIt: (p) => setAt(p, "/letterTypes/0/parameters/schema/$id", "https://example.org/p"),
    pointer: "/letterTypes/0/parameters/schema/$id",
    message: /cannot give itself an id/,
  },
  {
    name: "a parameters uiSchema naming a field they lack",
    breakIt: (p) => setAt(p, "/letterTypes/0/parameters/uiSchema", { concern: { "ui:widget": "textarea" } }),
    pointer: "/letterTypes/0/parameters/uiSchema/concern",
    message: /names "concern", which is not a field of the form. Fields: period, concerns, meetingOn/,
  },
  {
    name: "a parameters uiSchema whose ui:order leaves a parameter out",
    breakIt: (p) => setAt(p, "/letterTypes/0/parameters/uiSchema/ui:order", ["concerns", "period"]),
    pointer: "/letterTypes/0/parameters/uiSchema/ui:order",
    message: /ui:order leaves out "meetingOn"/,
  },
  {
    name: "a parameters uiSchema with a widget the theme does not have",
    breakIt: (p) => setAt(p, "/letterTypes/0/parameters/uiSchema/concerns", { "ui:widget": "wysiwyg" }),
    pointer: "/letterTypes/0/parameters/uiSchema/concerns/ui:widget",
    message: /"wysiwyg" is not a widget Steward's forms have/,
  },
  {
    name: "a template merging an undeclared parameter",
    breakIt: (p) => setAt(p, "/letterTypes/0/template/body", "<p>{{ parameters.concern }}</p>"),
    pointer: "/letterTypes/0/template/body",
    message: /declare no field "concern". Use one of: parameters.period, parameters.concerns, parameters.meetingOn/,
  },
  {
    name: "a template merging parameters the letter type does not have",
    breakIt: (p) => {
      deleteAt(p, "/letterTypes/0/parameters");
      setAt(p, "/letterTypes/0/deadline", { kind: "compliance", within: { amount: 5, unit: "weeks" }, label: "x" });
    },
    pointer: "/letterTypes/0/template/body",
    message: /has no parameters/,
  },
  {
    name: "a deadline with both within and fromParameter",
    breakIt: (p) => setAt(p, "/letterTypes/0/deadline/within", { amount: 15, unit: "working-days" }),
    pointer: "/letterTypes/0/deadline",
    message: /not both/,
  },
  {
    name: "a deadline with neither within nor fromParameter",
    breakIt: (p) => deleteAt(p, "/letterTypes/0/deadline/fromParameter"),
    pointer: "/letterTypes/0/deadline",
    message: /Say when the deadline is/,
  },
  {
    name: "a deadline from an undeclared parameter",
    breakIt: (p) => setAt(p, "/letterTypes/0/deadline/fromParameter/field", "days"),
    pointer: "/letterTypes/0/deadline/fromParameter/field",
    message: /"days", which the letter type's parameters do not declare. Fields: period, concerns, meetingOn/,
  },
  {
    name: "a deadline from a whole-number parameter with no unit",
    breakIt: (p) => deleteAt(p, "/letterTypes/0/deadline/fromParameter/unit"),
    pointer: "/letterTypes/0/deadline/fromParameter",
    message: /"period" is a whole number: say what it counts in/,
  },
  {
    name: "a deadline from a whole-number parameter with no bounds",
    breakIt: (p) => deleteAt(p, "/letterTypes/0/parameters/schema/properties/period/maximum"),
    pointer: "/letterTypes/0/parameters/schema/properties/period",
    message: /give it a minimum and a maximum/,
    severity: "warning",
  },
  {
    name: "a deadline from a date parameter with a unit",
    breakIt: (p) => setAt(p, "/letterTypes/0/deadline/fromParameter/field", "meetingOn"),
    pointer: "/letterTypes/0/deadline/fromParameter/unit",
    message: /"meetingOn" is a date: it is the deadline itself, so leave "unit" out/,
  },
  {
    name: "a deadline from a text parameter",
    breakIt: (p) => setAt(p, "/letterTypes/0/deadline/fromParameter", { field: "concerns" }),
    pointer: "/letterTypes/0/deadline/fromParameter/field",
    message: /"concerns" cannot set a deadline: it must be a whole number .* or a date/,
  },
  {
    name: "a response form the policy lacks",
    breakIt: (p) => setAt(p, "/letterTypes/0/responseForm/form", "action-plans"),
    pointer: "/letterTypes/0/responseForm/form",
    message: /There is no form "action-plans"/,
  },
  {
    name: "a response form for LA staff",
    breakIt: (p) => setAt(p, "/letterTypes/0/responseForm/form", "visit-report"),
    pointer: "/letterTypes/0/responseForm/form",
    message: /"visit-report" is a form for LA staff/,
  },
  {
    name: "a response form with no deadline to be due by",
    breakIt: (p) => {
      deleteAt(p, "/letterTypes/0/deadline");
      setAt(p, "/letterTypes/0/template/body", "<p>{{ parameters.concerns }}</p>");
    },
    pointer: "/letterTypes/0/responseForm",
    message: /The Action plan is due by the letter's deadline: give the letter type a deadline/,
  },
  {
    name: "a recipient's rule reading a fact Steward does not know",
    breakIt: (p) => setAt(p, "/letterTypes/0/recipients/2/when", { "!!": [{ var: "school.dioces" }] }),
    pointer: "/letterTypes/0/recipients/2/when/!!/0/var",
    message: /reads the school's facts and the policy's indicators \(indicators.<key>\) only, not "school.dioces"/,
  },
  {
    name: "a recipient's rule reading the case rather than the school",
    breakIt: (p) => setAt(p, "/letterTypes/0/recipients/2/when", { "==": [{ var: "case.stage" }, "notice"] }),
    pointer: "/letterTypes/0/recipients/2/when/==/0/var",
    message: /reads the school's facts and the policy's indicators \(indicators.<key>\) only, not "case.stage"/,
  },
  {
    name: "a recipient's rule reading an indicator the policy does not declare",
    breakIt: (p) => setAt(p, "/letterTypes/0/recipients/2/when", { "==": [{ var: "indicators.no-such" }, true] }),
    pointer: "/letterTypes/0/recipients/2/when/==/0/var",
    message: /no-such/,
  },
  {
    name: "a letter whose only addressee is conditional",
    breakIt: (p) => setAt(p, "/letterTypes/0/recipients/0/when", { "!!": [{ var: "school.diocese" }] }),
    pointer: "/letterTypes/0/recipients",
    message: /At least one recipient must be an addressee .* with no rule/,
  },
];

describe("letter types in format 4", () => {
  it("accepts parameters, a deadline from one, a conditional copy and a response form", () => {
    expect(validatePolicy(letterPolicy()).problems).toEqual([]);
  });

  it("accepts a deadline from a date parameter, with no unit", () => {
    const policy = letterPolicy();
    setAt(policy, "/letterTypes/0/deadline/fromParameter", { field: "meetingOn" });
    expect(validatePolicy(policy).problems).toEqual([]);
  });

  it.each(cases)("reports $name at $pointer", ({ breakIt, pointer, message, severity = "error" }) => {
    const policy = letterPolicy();
    breakIt(policy);
    const result = validatePolicy(policy);
    const found = result.problems.filter((p) => p.pointer === pointer);
    expect(found, JSON.stringify(result.problems, null, 2)).not.toEqual([]);
    expect(found.map((p) => p.message).join("\n")).toMatch(message);
    expect(found.some((p) => p.severity === severity)).toBe(true);
    if (severity === "error") expect(result.ok).toBe(false);
  });
});
