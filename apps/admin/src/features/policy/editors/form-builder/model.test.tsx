import fc from "fast-check";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { GovukForm } from "@steward/forms";
import { validatePolicy } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { QUESTION_TYPES, readForm, writeForm, type FormModel, type QuestionType } from "./model.ts";
import {
  addPage,
  addQuestion,
  moveQuestion,
  removePage,
  removeQuestion,
  renamePage,
  updateQuestion,
} from "./operations.ts";

type Step = (model: FormModel) => FormModel;

const kinds = Object.keys(QUESTION_TYPES) as QuestionType[];
const words = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ?,-]{0,30}$/).map((s) => s.trim() || "Question");
const kind = fc.constantFrom(...kinds);
const position = fc.nat({ max: 12 });

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(position, kind, words).map(
      ([at, k, t]): Step =>
        (m) =>
          addQuestion(m, at, k, t),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(position, fc.constantFrom(-1 as const, 1 as const)).map(
      ([i, d]): Step =>
        (m) =>
          moveQuestion(m, i, d),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        position,
        fc.record(
          {
            title: words,
            hint: fc.oneof(fc.constant(""), words),
            required: fc.boolean(),
            kind,
            options: fc.uniqueArray(words, { minLength: 1, maxLength: 4 }),
          },
          { requiredKeys: [] },
        ),
      )
      .map(
        ([i, change]): Step =>
          (m) =>
            updateQuestion(m, i, change),
      ),
  },
  {
    weight: 1,
    arbitrary: position.map(
      (i): Step =>
        (m) =>
          removeQuestion(m, i),
    ),
  },
  {
    weight: 1,
    arbitrary: words.map(
      (t): Step =>
        (m) =>
          addPage(m, t),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(position, words).map(
      ([i, t]): Step =>
        (m) =>
          renamePage(m, i, t),
    ),
  },
  {
    weight: 1,
    arbitrary: position.map(
      (i): Step =>
        (m) =>
          removePage(m, i),
    ),
  },
);

const built = fc
  .array(step, { maxLength: 14 })
  .map((steps) => steps.reduce<FormModel>((model, apply) => apply(model), readForm({ type: "object" }, {})));

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;");

/** Every page of the form, drawn on the server as a school would first see it. */
function renderPages(schema: Record<string, unknown>, uiSchema: Record<string, unknown>, pages: number): string {
  return Array.from({ length: Math.max(1, pages) }, (_, page) =>
    renderToString(<GovukForm schema={schema} uiSchema={uiSchema} initialPage={page} />),
  ).join("");
}

describe("the form builder's model", () => {
  it("produces only forms the validator accepts and the portal draws, every question shown", () => {
    fc.assert(
      fc.property(built, (model) => {
        const { schema, uiSchema } = writeForm(model);
        const policy = createMinimalPolicy();
        const [form] = policy.forms;
        if (!form) throw new Error("The minimal policy has no form.");
        policy.forms[0] = { ...form, schema, uiSchema };
        const errors = validatePolicy(policy).problems.filter((p) => p.severity === "error");
        expect(errors).toEqual([]);
        const html = renderPages(schema, uiSchema, model.pages.length);
        for (const question of model.questions) expect(html).toContain(escape(String(question.schema.title)));
      }),
      { numRuns: 40 },
    );
    // The first validation compiles the meta-schema (seconds on a busy machine); each run then takes milliseconds.
  }, 120_000);

  it("reads back what it wrote, in the order the administrator set", () => {
    fc.assert(
      fc.property(built, (model) => {
        const { schema, uiSchema } = writeForm(model);
        const again = readForm(schema, uiSchema);
        expect(again.questions.map((q) => [q.name, q.kind, q.required, q.page])).toEqual(
          model.questions.map((q) => [q.name, q.kind, q.required, q.page]),
        );
        expect(writeForm(again)).toEqual({ schema, uiSchema });
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a question it does not understand as written, and orders a form written without ui:order", () => {
    const area = { type: "object", title: "Leadership", properties: { bestFit: { type: "string" } } };
    const model = readForm(
      { type: "object", required: ["area"], properties: { second: { type: "string", title: "Two" }, area } },
      { area: { bestFit: { "ui:widget": "radio" } }, "ui:order": ["area", "*"] },
    );
    expect(model.questions.map((q) => [q.name, q.kind])).toEqual([
      ["area", "other"],
      ["second", "text"],
    ]);
    const moved = moveQuestion(addQuestion(model, 1, "yesNo", "Have governors seen it?"), 2, -1);
    const { schema, uiSchema } = writeForm(moved);
    expect(uiSchema["ui:order"]).toEqual(["area", "second", "haveGovernorsSeenIt"]);
    expect(moved.questions.map((q) => q.name)).toEqual(["area", "second", "haveGovernorsSeenIt"]);
    expect(schema.properties).toMatchObject({ area });
    expect(uiSchema.area).toEqual({ bestFit: { "ui:widget": "radio" } });
  });
});
