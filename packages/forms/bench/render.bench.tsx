/**
 * Renders and validates a 200-question form in this theme and in @rjsf/core's default theme, in one run, and prints
 * both with their ratio. Run: pnpm --filter @steward/forms bench. It prints figures; it is not a test and gates nothing.
 */
import { performance } from "node:perf_hooks";
import DefaultForm from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { renderToString } from "react-dom/server";

import { createGovukTransformErrors, createValidator, Form as GovukThemeForm } from "../src/index.ts";

const FIELDS = 200;
// V8 needs a good few rounds before its optimised code settles; fewer make the first theme measured look slower.
const WARM_UP = 30;
const ROUNDS = 40;

/** A long form of the kinds of question policy forms ask: text, long text, numbers, dates, choices, lists. */
function createSchema(): { schema: RJSFSchema; uiSchema: UiSchema } {
  const properties: Record<string, RJSFSchema> = {};
  const uiSchema: UiSchema = {};
  const required: string[] = [];
  for (let index = 0; index < FIELDS; index++) {
    const name = `field${index}`;
    switch (index % 8) {
      case 0:
        properties[name] = { type: "string", title: `Name ${index}`, maxLength: 200 };
        break;
      case 1:
        properties[name] = { type: "string", title: `Notes ${index}`, maxLength: 2000 };
        uiSchema[name] = { "ui:widget": "textarea" };
        break;
      case 2:
        properties[name] = { type: "integer", title: `Count ${index}`, minimum: 0 };
        break;
      case 3:
        properties[name] = { type: "string", format: "date", title: `Date ${index}` };
        break;
      case 4:
        properties[name] = { type: "string", title: `Choice ${index}`, enum: ["One", "Two", "Three", "Four"] };
        uiSchema[name] = { "ui:widget": "radio" };
        break;
      case 5:
        properties[name] = {
          type: "array",
          title: `Options ${index}`,
          uniqueItems: true,
          items: { type: "string", enum: ["A", "B", "C", "D"] },
        };
        uiSchema[name] = { "ui:widget": "checkboxes" };
        break;
      case 6:
        properties[name] = { type: "boolean", title: `Agreed ${index}` };
        uiSchema[name] = { "ui:widget": "radio" };
        break;
      default:
        properties[name] = {
          type: "string",
          format: "email",
          title: `Email ${index}`,
          description: "We will only use this to reply.",
        };
    }
    if (index % 3 === 0) required.push(name);
  }
  return { schema: { type: "object", title: "A 200-question form", required, properties }, uiSchema };
}

interface Timing {
  median: number;
  mean: number;
}

function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    mean: times.reduce((sum, time) => sum + time, 0) / times.length,
  };
}

/** Times two tasks round by round, alternating which goes first, so neither gets a warmer or quieter machine. */
function compare(govuk: () => void, core: () => void): { govuk: Timing; core: Timing } {
  for (let round = 0; round < WARM_UP; round++) {
    govuk();
    core();
  }
  const times = { govuk: [] as number[], core: [] as number[] };
  const time = (task: () => void) => {
    const start = performance.now();
    task();
    return performance.now() - start;
  };
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      times.govuk.push(time(govuk));
      times.core.push(time(core));
    } else {
      times.core.push(time(core));
      times.govuk.push(time(govuk));
    }
  }
  return { govuk: summarise(times.govuk), core: summarise(times.core) };
}

const { schema, uiSchema } = createSchema();
const validator = createValidator();
const transformErrors = createGovukTransformErrors(schema);
const emptyData = {};
const filledData = Object.fromEntries(
  Object.keys(schema.properties ?? {}).map((name, index) => [
    name,
    index % 8 === 2
      ? index
      : index % 8 === 5
        ? ["A"]
        : index % 8 === 6
          ? true
          : index % 8 === 3
            ? "2021-09-05"
            : index % 8 === 4
              ? "Two"
              : index % 8 === 7
                ? `person${index}@example.com`
                : `Answer ${index}`,
  ]),
);

const results = {
  "render, empty": compare(
    () => renderToString(<GovukThemeForm schema={schema} uiSchema={uiSchema} validator={validator} />),
    () => renderToString(<DefaultForm schema={schema} uiSchema={uiSchema} validator={validator} />),
  ),
  "render, answered": compare(
    () =>
      renderToString(
        <GovukThemeForm schema={schema} uiSchema={uiSchema} validator={validator} formData={filledData} />,
      ),
    () =>
      renderToString(<DefaultForm schema={schema} uiSchema={uiSchema} validator={validator} formData={filledData} />),
  ),
  "validate, empty (GOV.UK messages vs ajv's)": compare(
    () => validator.validateFormData(emptyData, schema, undefined, transformErrors, uiSchema),
    () => validator.validateFormData(emptyData, schema, undefined, undefined, uiSchema),
  ),
};

// Which kinds of question cost more than the default theme's: 100 questions of one kind each.
const kinds: Record<string, [RJSFSchema, UiSchema | undefined]> = {
  "text input": [{ type: "string", title: "Name", maxLength: 200 }, undefined],
  "textarea (character count)": [{ type: "string", title: "Notes", maxLength: 2000 }, { "ui:widget": "textarea" }],
  number: [{ type: "integer", title: "Count", minimum: 0 }, undefined],
  "date (GOV.UK date input)": [{ type: "string", format: "date", title: "Date" }, undefined],
  radios: [{ type: "string", title: "Choice", enum: ["One", "Two", "Three", "Four"] }, { "ui:widget": "radio" }],
  checkboxes: [
    { type: "array", title: "Options", uniqueItems: true, items: { type: "string", enum: ["A", "B", "C", "D"] } },
    { "ui:widget": "checkboxes" },
  ],
  "yes/no": [{ type: "boolean", title: "Agreed" }, { "ui:widget": "radio" }],
  "email with hint": [
    { type: "string", format: "email", title: "Email", description: "We will only use this to reply." },
    undefined,
  ],
};
const perKind = Object.entries(kinds).map(([name, [fieldSchema, fieldUi]]) => {
  const kindSchema: RJSFSchema = {
    type: "object",
    properties: Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`q${index}`, fieldSchema])),
  };
  const kindUi: UiSchema = fieldUi
    ? Object.fromEntries(Array.from({ length: 100 }, (_, index) => [`q${index}`, fieldUi]))
    : {};
  return {
    name,
    ...compare(
      () => renderToString(<GovukThemeForm schema={kindSchema} uiSchema={kindUi} validator={validator} />),
      () => renderToString(<DefaultForm schema={kindSchema} uiSchema={kindUi} validator={validator} />),
    ),
  };
});

const pad = (text: string, width: number) => text.padEnd(width);
console.log(`${FIELDS}-field form, ${ROUNDS} rounds after ${WARM_UP} warm-up (median ms; mean in brackets)\n`);
console.log(`${pad("", 44)}${pad("GOV.UK theme", 22)}${pad("@rjsf/core default", 22)}ratio (GOV.UK / core)`);
for (const [name, { govuk, core }] of Object.entries(results)) {
  console.log(
    `${pad(name, 44)}${pad(`${govuk.median.toFixed(2)} (${govuk.mean.toFixed(2)})`, 22)}${pad(`${core.median.toFixed(2)} (${core.mean.toFixed(2)})`, 22)}${(govuk.median / core.median).toFixed(2)}`,
  );
}

console.log(`\nRender, 100 questions of one kind (median ms)\n`);
for (const { name, govuk, core } of perKind) {
  console.log(
    `${pad(name, 44)}${pad(govuk.median.toFixed(2), 22)}${pad(core.median.toFixed(2), 22)}${(govuk.median / core.median).toFixed(2)}`,
  );
}
