// The policy's own data (indicators, registers, measures) and the rules that
// read it: each class of problem is reported at its place, with a sentence
// and a code.
import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { setAt } from "../testing/break.ts";
import { validatePolicy } from "./index.ts";

interface BrokenCase {
  name: string;
  breakIt: (policy: PolicyDocument) => void;
  pointer: string;
  message: RegExp;
  code: string;
  severity?: "error" | "warning";
}

// In the minimal policy: indicators persistent-absence (number 0-100), finance-rag (red/amber/green, entered by
// senior officers), at-risk (derived); a register "concerns" (source enum, summary); measures concerns-in-a-year
// (count, rolling) and review-group-strong-progress (streak).
const trigger = "/triggers/1/when";

const cases: BrokenCase[] = [
  // ---------------------------------------------------------------- rules reading data
  {
    name: "a rule reading an indicator the policy does not declare",
    breakIt: (p) => setAt(p, trigger, { var: "indicators.attendance" }),
    pointer: `${trigger}/var`,
    message:
      /reads "indicators.attendance", but the policy declares no indicator "attendance". Indicators: persistent-absence, finance-rag, at-risk\./,
    code: "rule.indicator",
  },
  {
    name: "a rule reading a measure the policy does not declare",
    breakIt: (p) => setAt(p, trigger, { ">": [{ var: "measures.complaints" }, 1] }),
    pointer: `${trigger}/>/0/var`,
    message: /no measure "complaints". Measures: concerns-in-a-year, review-group-strong-progress\./,
    code: "rule.measure",
  },
  {
    name: "a rule reading a retired built-in fact",
    breakIt: (p) => setAt(p, trigger, { var: "attendance.belowNational" }),
    pointer: `${trigger}/var`,
    message: /not a fact Steward knows. An authority's own data is an indicator/,
    code: "rule.fact",
  },
  {
    name: "a choice indicator compared with a value it does not take",
    breakIt: (p) => setAt(p, trigger, { "==": [{ var: "indicators.finance-rag" }, "purple"] }),
    pointer: `${trigger}/==/1`,
    message: /"purple" is not a value "indicators.finance-rag" takes. Its values: red, amber, green\./,
    code: "rule.value",
  },
  {
    name: "a choice indicator's list in `in` holding a value it does not take",
    breakIt: (p) => setAt(p, trigger, { in: [{ var: "indicators.finance-rag" }, ["red", "Amber"]] }),
    pointer: `${trigger}/in/1/1`,
    message: /"Amber" is not a value/,
    code: "rule.value",
  },
  {
    name: "a number indicator compared with text",
    breakIt: (p) => setAt(p, trigger, { ">=": ["20", { var: "indicators.persistent-absence" }] }),
    pointer: `${trigger}/>=/0`,
    message: /"indicators.persistent-absence" is a number: compare it with a number, not "20"\./,
    code: "rule.type",
  },
  {
    name: "a boolean indicator compared with a number",
    breakIt: (p) => setAt(p, trigger, { "==": [{ var: "indicators.at-risk" }, 1] }),
    pointer: `${trigger}/==/1`,
    message: /is yes or no: compare it with true or false, not 1\./,
    code: "rule.type",
  },
  {
    name: "a count compared with text",
    breakIt: (p) => setAt(p, trigger, { ">=": [{ var: "measures.concerns-in-a-year" }, "three"] }),
    pointer: `${trigger}/>=/1`,
    message: /is a number: compare it with a number, not "three"/,
    code: "rule.type",
  },
  {
    name: "a built-in fact with listed values compared with another",
    breakIt: (p) => setAt(p, trigger, { "==": [{ var: "ofsted.overallEffectiveness" }, "Inadequate"] }),
    pointer: `${trigger}/==/1`,
    message: /"Inadequate" is not a value "ofsted.overallEffectiveness" takes. Its values: outstanding, good/,
    code: "rule.value",
  },
  {
    name: "a built-in yes-or-no fact compared with text",
    breakIt: (p) => setAt(p, trigger, { "==": [{ var: "visits.core-visit.overdue" }, "yes"] }),
    pointer: `${trigger}/==/1`,
    message: /"visits.core-visit.overdue" is yes or no/,
    code: "rule.type",
  },
  // ---------------------------------------------------------------- indicators
  {
    name: "a number indicator whose range runs backwards",
    breakIt: (p) => setAt(p, "/indicators/0/type/minimum", 101),
    pointer: "/indicators/0/type/maximum",
    message: /The highest value \(100\) is below the lowest \(101\)\./,
    code: "indicator.range",
  },
  {
    name: "a choice indicator listing a value twice",
    breakIt: (p) => setAt(p, "/indicators/1/type/options/2/value", "red"),
    pointer: "/indicators/1/type/options/2/value",
    message: /The value "red" is listed twice/,
    code: "indicator.option",
  },
  {
    name: "a derived indicator with another source beside its rule",
    breakIt: (p) => p.indicators?.[2]?.from.push({ kind: "import" }),
    pointer: "/indicators/2/from/0",
    message: /A derived indicator's value comes only from its rule/,
    code: "indicator.source",
  },
  {
    name: "a derived indicator reading a built-in fact",
    breakIt: (p) => setAt(p, "/indicators/2/from/0/rule", { var: "ofsted.overallEffectiveness" }),
    pointer: "/indicators/2/from/0/rule/var",
    message: /reads only other indicators \(indicators.<key>\), not "ofsted.overallEffectiveness"/,
    code: "indicator.derived",
  },
  {
    name: "a derived indicator reading an undeclared indicator",
    breakIt: (p) => setAt(p, "/indicators/2/from/0/rule", { var: "indicators.nope" }),
    pointer: "/indicators/2/from/0/rule/var",
    message: /declares no indicator "nope"/,
    code: "rule.indicator",
  },
  {
    name: "a derived indicator that reads itself",
    breakIt: (p) => setAt(p, "/indicators/2/from/0/rule", { "!": { var: "indicators.at-risk" } }),
    pointer: "/indicators/2/from/0/rule",
    message: /depends on itself \(at-risk → at-risk\)/,
    code: "indicator.cycle",
  },
  {
    name: "two derived indicators that read each other",
    breakIt: (p) => {
      setAt(p, "/indicators/1/from", [
        { kind: "derived", rule: { if: [{ var: "indicators.at-risk" }, "red", "green"] } },
      ]);
      setAt(p, "/indicators/2/from/0/rule", { "==": [{ var: "indicators.finance-rag" }, "red"] });
    },
    pointer: "/indicators/1/from/0/rule",
    message: /depends on itself \(finance-rag → at-risk → finance-rag\)/,
    code: "indicator.cycle",
  },
  {
    name: "a form's answer from a form the policy does not have",
    breakIt: (p) => setAt(p, "/indicators/0/from", [{ kind: "form", form: "census", field: "/absence" }]),
    pointer: "/indicators/0/from/0/form",
    message: /There is no form "census"/,
    code: "reference.unknown",
  },
  {
    name: "a form's answer that is not a field of the form",
    breakIt: (p) => setAt(p, "/indicators/0/from", [{ kind: "form", form: "visit-report", field: "/absence" }]),
    pointer: "/indicators/0/from/0/field",
    message: /"\/absence" is not a field of the form "visit-report"/,
    code: "indicator.form-field",
  },
  {
    name: "an entry by a school role",
    breakIt: (p) => setAt(p, "/indicators/1/from/0/roles/0", "headteacher"),
    pointer: "/indicators/1/from/0/roles/0",
    message: /"headteacher" is a school role: only an LA role can do this/,
    code: "reference.audience",
  },
  {
    name: "an entry by a role the policy does not have",
    breakIt: (p) => setAt(p, "/indicators/1/from/0/roles/0", "bursar"),
    pointer: "/indicators/1/from/0/roles/0",
    message: /There is no role "bursar"/,
    code: "reference.unknown",
  },
  {
    name: "two indicators with one key",
    breakIt: (p) => setAt(p, "/indicators/1/key", "persistent-absence"),
    pointer: "/indicators/1/key",
    message: /already used by indicator "Persistent absence"/,
    code: "key.duplicate",
  },
  // ---------------------------------------------------------------- registers
  {
    name: "a register whose fields are not valid JSON Schema",
    breakIt: (p) => setAt(p, "/registers/0/schema/properties/summary/type", "words"),
    pointer: "/registers/0/schema",
    message: /The register's JSON Schema is not valid/,
    code: "register.schema",
  },
  {
    name: "a register whose fields are not an object",
    breakIt: (p) => setAt(p, "/registers/0/schema/type", "array"),
    pointer: "/registers/0/schema/type",
    message: /The fields of an entry are an object schema/,
    code: "register.schema",
  },
  {
    name: "a register uiSchema naming a field it does not have",
    breakIt: (p) => setAt(p, "/registers/0/uiSchema", { summry: { "ui:widget": "textarea" } }),
    pointer: "/registers/0/uiSchema/summry",
    message: /names "summry", which is not a field/,
    code: "register.uiSchema",
  },
  {
    name: "a register logged by a school role",
    breakIt: (p) => setAt(p, "/registers/0/access/log/0", "headteacher"),
    pointer: "/registers/0/access/log/0",
    message: /is a school role: only an LA role can do this/,
    code: "reference.audience",
  },
  {
    name: "a register closed by a role the policy does not have",
    breakIt: (p) => setAt(p, "/registers/0/access/close/0", "clerk"),
    pointer: "/registers/0/access/close/0",
    message: /There is no role "clerk"/,
    code: "reference.unknown",
  },
  {
    name: "a school role reading a register schools do not see",
    breakIt: (p) => setAt(p, "/registers/0/access/read/1", "headteacher"),
    pointer: "/registers/0/access/read/1",
    message: /"headteacher" is a school role, but schools do not see this register/,
    code: "register.audience",
  },
  // ---------------------------------------------------------------- measures
  {
    name: "a measure of a register the policy does not have",
    breakIt: (p) => setAt(p, "/measures/0/of/register", "complaints"),
    pointer: "/measures/0/of/register",
    message: /There is no register "complaints". Use one of: concerns\./,
    code: "reference.unknown",
  },
  {
    name: "a measure of a meeting type the policy does not have",
    breakIt: (p) => setAt(p, "/measures/1/of/meetingType", "board"),
    pointer: "/measures/1/of/meetingType",
    message: /There is no meeting type "board"/,
    code: "reference.unknown",
  },
  {
    name: "a measure of an indicator the policy does not declare",
    breakIt: (p) => setAt(p, "/measures/0/of", { kind: "indicator", indicator: "attendance" }),
    pointer: "/measures/0/of/indicator",
    message: /There is no indicator "attendance"/,
    code: "reference.unknown",
  },
  {
    name: "a sum with no field",
    breakIt: (p) => setAt(p, "/measures/0/aggregate", "sum"),
    pointer: "/measures/0",
    message: /A sum reads a field of the records: say which\./,
    code: "measure.field",
  },
  {
    name: "a latest value of a field the records do not have",
    breakIt: (p) => {
      setAt(p, "/measures/0/aggregate", "latest");
      setAt(p, "/measures/0/field", "fields.sevrity");
    },
    pointer: "/measures/0/field",
    message:
      /"fields.sevrity" is not a field of the records this measure counts. Fields: date, loggedOn, status, fields.source, fields.summary\./,
    code: "measure.field",
  },
  {
    name: "a sum of a field that is not a number",
    breakIt: (p) => {
      setAt(p, "/measures/0/aggregate", "sum");
      setAt(p, "/measures/0/field", "fields.summary");
    },
    pointer: "/measures/0/field",
    message: /A sum adds up numbers, and "fields.summary" is not a number\./,
    code: "measure.field",
  },
  {
    name: "a count given a field it ignores",
    breakIt: (p) => setAt(p, "/measures/0/field", "date"),
    pointer: "/measures/0/field",
    message: /A count does not read a field/,
    code: "measure.field",
    severity: "warning",
  },
  {
    name: "a streak with no rule to streak while",
    breakIt: (p) => setAt(p, "/measures/0/aggregate", "streak"),
    pointer: "/measures/0",
    message: /A streak needs the rule each of the latest records in a row meets/,
    code: "measure.streak",
  },
  {
    name: "a rule to streak while on a measure that is no streak",
    breakIt: (p) => setAt(p, "/measures/1/aggregate", "count"),
    pointer: "/measures/1/streakWhile",
    message: /Only a streak has a "streak while" rule: this measure is a count\./,
    code: "measure.streak",
  },
  {
    name: "a where reading what is not a field of the record",
    breakIt: (p) => setAt(p, "/measures/0/where", { "==": [{ var: "case.stage" }, "notice"] }),
    pointer: "/measures/0/where/==/0/var",
    message: /"case.stage" is not a field of a register entry: this rule reads only the record's fields/,
    code: "measure.field",
  },
  {
    name: "a where comparing a register's listed field with a value it does not take",
    breakIt: (p) => setAt(p, "/measures/0/where", { "==": [{ var: "fields.source" }, "ofsted"] }),
    pointer: "/measures/0/where/==/1",
    message: /"ofsted" is not a value "fields.source" takes. Its values: parent, governor, other-service\./,
    code: "rule.value",
  },
  {
    name: "a streak reading a field meetings do not have",
    breakIt: (p) => setAt(p, "/measures/1/streakWhile", { var: "concerns" }),
    pointer: "/measures/1/streakWhile/var",
    message:
      /"concerns" is not a field of a meeting: this rule reads only the record's fields. Fields: date, meetingType, progress, strong, stage\./,
    code: "measure.field",
  },
  {
    name: "a window since an event Steward does not record",
    breakIt: (p) => setAt(p, "/measures/0/window", { kind: "since-event", event: "ofsted-inspection" }),
    pointer: "/measures/0/window/event",
    message: /"ofsted-inspection" is not an event a window may start from. Events: category-decided, stage-changed/,
    code: "measure.event",
  },
  {
    name: "a window's where reading what is not a field of its event",
    breakIt: (p) =>
      setAt(p, "/measures/0/window", {
        kind: "since-event",
        event: "letter-issued",
        where: { "==": [{ var: "stage" }, "notice"] },
      }),
    pointer: "/measures/0/window/where/==/0/var",
    message: /"stage" is not a field of the letter-issued event. Fields: letterType\./,
    code: "measure.event",
  },
];

describe("validatePolicy: the policy's own data", () => {
  it("accepts the minimal policy's indicators, register and measures", () => {
    expect(validatePolicy(createMinimalPolicy()).problems).toEqual([]);
  });

  it.each(cases)("reports $name at $pointer", ({ breakIt, pointer, message, code, severity = "error" }) => {
    const policy = createMinimalPolicy();
    breakIt(policy);
    const result = validatePolicy(policy);
    const found = result.problems.filter((p) => p.pointer === pointer && p.code === code);
    expect(found, JSON.stringify(result.problems, null, 2)).not.toEqual([]);
    expect(found.map((p) => p.message).join("\n")).toMatch(message);
    expect(found.some((p) => p.severity === severity)).toBe(true);
    if (severity === "error") expect(result.ok).toBe(false);
    for (const problem of result.problems) {
      expect(problem.where.length).toBeGreaterThan(0);
      expect(problem.message).toMatch(/[.)]$/);
    }
  });

  it("accepts a comparison of like with like, a null, and a var against a var", () => {
    const policy = createMinimalPolicy();
    setAt(policy, trigger, {
      and: [
        { in: [{ var: "indicators.finance-rag" }, ["red", "amber"]] },
        { "<": [0, { var: "indicators.persistent-absence" }, 100] },
        { "!=": [{ var: "indicators.finance-rag" }, null] },
        { "==": [{ var: "indicators.at-risk" }, true] },
        { ">": [{ var: "measures.concerns-in-a-year" }, { var: "indicators.persistent-absence" }] },
        { "==": [{ var: "school.governance" }, "maintained"] },
      ],
    });
    expect(validatePolicy(policy).problems).toEqual([]);
  });

  it("accepts a derived indicator reading two others, and a form's answer that names a field", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/indicators/0/from", [{ kind: "form", form: "visit-report", field: "/summary" }]);
    expect(validatePolicy(policy).problems).toEqual([]);
  });
});
