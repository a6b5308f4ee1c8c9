/**
 * What the format offers for a need written as a field it does not have: an
 * author who writes `visits` on a category, `cc` on a letter type or `method`
 * on the assessment means a concept the format has under another name. Keyed
 * by the place of the object (its JSON pointer with list indexes written `[]`:
 * `categories[]`, `escalation.stages[]`) and the field name as written (any case).
 */
const CONCEPT_HINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "categories[]": {
    visits: "a category's visits are its `cadence` (empty for no visits)",
    visitfrequency: "a category's visits are its `cadence` (empty for no visits)",
    novisits: "a category's visits are its `cadence` (empty for no visits)",
    meetings: "the meetings a category's schools must have are its `requiredMeetings`",
    rank: "categories are ordered by `severity` (0 is the least concern)",
    order: "categories are ordered by `severity` (0 is the least concern)",
  },
  assessment: {
    method: "format 4 composes the assessment from `dimensions` and a `derivation` (best-fit, table or rules)",
    kind: "format 4 composes the assessment from `dimensions` and a `derivation` (best-fit, table or rules)",
    matrix: "a decision table is the assessment's `derivation` with kind `table`",
    table: "a decision table is the assessment's `derivation` with kind `table`",
    rules: "rules from the dimensions to a category are the assessment's `derivation` with kind `rules`",
    axes: "the assessment's axes are its `dimensions`",
  },
  "assessment.dimensions[]": {
    values: "a dimension's values are its `levels` (leave out for the categories)",
    options: "a dimension's values are its `levels` (leave out for the categories)",
    source: "how a dimension gets its value is `valuedBy` (criteria, rule, officer or indicator)",
  },
  "triggers[].suggests": {
    effect: "how the suggestion moves the category is `categoryEffect` (raise, lower or set)",
    direction: "how the suggestion moves the category is `categoryEffect` (raise, lower or set)",
  },
  "letterTypes[]": {
    cc: "copies are recipients with `copy: true` (and `when` for a conditional copy)",
    bcc: "copies are recipients with `copy: true` (and `when` for a conditional copy)",
    copies: "copies are recipients with `copy: true` (and `when` for a conditional copy)",
    fields: "what the drafting officer fills in is the letter type's `parameters` (a JSON Schema)",
    variables: "what the drafting officer fills in is the letter type's `parameters` (a JSON Schema)",
    inputs: "what the drafting officer fills in is the letter type's `parameters` (a JSON Schema)",
    form: "a form the school returns by the deadline is the letter type's `responseForm` ({form, label})",
    response: "a form the school returns by the deadline is the letter type's `responseForm` ({form, label})",
    attachments:
      "a letter carries no attachments: the format has no place for them (name or link the documents in its template)",
  },
  "letterTypes[].recipients[]": {
    condition: "a recipient included only sometimes has `when` (a rule over the school's facts)",
    if: "a recipient included only sometimes has `when` (a rule over the school's facts)",
    cc: "a copy is a recipient with `copy: true`",
  },
  "letterTypes[].deadline": {
    parameter: "a deadline the drafting officer sets is `fromParameter` ({field, unit})",
    field: "a deadline the drafting officer sets is `fromParameter` ({field, unit})",
  },
  "escalation.stages[].followUps[]": {
    every:
      "a follow-up starts once each time the case enters the stage: the format has no repeating task (a category's `cadence` repeats its visits)",
    repeat:
      "a follow-up starts once each time the case enters the stage: the format has no repeating task (a category's `cadence` repeats its visits)",
    when: "every follow-up of a stage starts on entering it: the format has no condition on one (give the schools that differ a stage of their own)",
    condition:
      "every follow-up of a stage starts on entering it: the format has no condition on one (give the schools that differ a stage of their own)",
  },
  "escalation.stages[]": {
    onenter: "what entering a stage starts is its `followUps`",
    onentry: "what entering a stage starts is its `followUps`",
    actions: "what entering a stage starts is its `followUps`",
    tasks: "what entering a stage starts is its `followUps`",
  },
};

/** `/escalation/stages/2` -> `escalation.stages[]`. */
function placeOf(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? "[]" : `.${segment}`))
    .join("")
    .replace(/^\./, "");
}

/** What the format offers for `field` written on the object at `instancePath`, if the table knows. */
export function conceptHint(instancePath: string, field: string): string | undefined {
  const hints = CONCEPT_HINTS[placeOf(instancePath)];
  const key = field.toLowerCase().replace(/[-_\s]/g, "");
  return hints && Object.hasOwn(hints, key) ? hints[key] : undefined;
}
