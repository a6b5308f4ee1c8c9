import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { describe, expect, it } from "vitest";

import { createValidator } from "../validator.ts";
import { createGovukTransformErrors, getErrorTargetSuffix } from "./transform-errors.ts";

const schema: RJSFSchema = {
  type: "object",
  required: ["name", "visitDate", "outcome", "activities", "concerns", "nextSteps", "email", "pupils"],
  properties: {
    name: { type: "string", title: "Who the adviser met", maxLength: 5 },
    visitDate: { type: "string", format: "date", title: "Date of visit" },
    outcome: {
      type: "string",
      title: "Level of support",
      oneOf: [
        { const: "low", title: "Low" },
        { const: "high", title: "High" },
      ],
    },
    activities: {
      type: "array",
      title: "What the adviser did",
      minItems: 1,
      uniqueItems: true,
      items: { type: "string", enum: ["a", "b"] },
    },
    concerns: { type: "boolean", title: "Are there concerns about the school's progress?" },
    nextSteps: {
      type: "array",
      title: "Agreed next steps",
      minItems: 1,
      items: { type: "object", required: ["action"], properties: { action: { type: "string", title: "Action" } } },
    },
    email: { type: "string", format: "email", title: "Email address" },
    pupils: { type: "integer", title: "Number of pupils", minimum: 1, maximum: 3000 },
    code: { type: "string", title: "LA code", pattern: "^[0-9]{3}$" },
  },
};
const uiSchema: UiSchema = { outcome: { "ui:widget": "radio" }, activities: { "ui:widget": "checkboxes" } };

function messages(data: unknown, ui: UiSchema = uiSchema): Record<string, string> {
  const validator = createValidator();
  const transform = createGovukTransformErrors(schema, { getFormData: () => data });
  const { errors } = validator.validateFormData(data, schema, undefined, transform, ui);
  return Object.fromEntries(
    errors.map((error) => [`.${(error.property ?? "").replace(/^\./, "")}`, error.message ?? ""]),
  );
}

describe("GOV.UK error messages", () => {
  it("says what to do when a question is unanswered, in the form's order", () => {
    const validator = createValidator();
    const { errors } = validator.validateFormData(
      { nextSteps: [] },
      schema,
      undefined,
      createGovukTransformErrors(schema),
      uiSchema,
    );
    expect(errors.map((error) => error.message)).toEqual([
      "Enter who the adviser met",
      "Enter date of visit",
      "Select level of support",
      "Select what the adviser did",
      "Select yes if there are concerns about the school's progress",
      "Add at least 1 agreed next step",
      "Enter email address",
      "Enter number of pupils",
    ]);
  });

  it("words limits, numbers, formats and list items the GOV.UK way", () => {
    const result = messages({
      name: "Too long a name",
      visitDate: "2021-02-30",
      outcome: "medium",
      activities: [],
      concerns: true,
      nextSteps: [{}],
      email: "not-an-email",
      pupils: 0,
      code: "12",
    });
    expect(result).toMatchObject({
      ".name": "Who the adviser met must be 5 characters or less",
      ".visitDate": "Date of visit must be a real date",
      ".outcome": "Select level of support",
      ".activities": "Select what the adviser did",
      ".nextSteps.0.action": "Enter action for agreed next step 1",
      ".email": "Enter an email address in the correct format, like name@example.com",
      ".pupils": "Number of pupils must be 1 or more",
      ".code": "LA code must be in the correct format",
    });
    expect(messages({ pupils: 4000 })[".pupils"]).toBe("Number of pupils must be 3000 or less");
    expect(messages({ pupils: "lots" })[".pupils"]).toBe("Number of pupils must be a whole number");
  });

  it("says which part of a date is missing, and points the link at it", () => {
    const validator = createValidator();
    const data = { visitDate: "2021--5" };
    const { errors } = validator.validateFormData(
      data,
      schema,
      undefined,
      createGovukTransformErrors(schema, { getFormData: () => data }),
      uiSchema,
    );
    const error = errors.find((candidate) => candidate.property === ".visitDate");
    expect(error?.message).toBe("Date of visit must include a month");
    expect(error && getErrorTargetSuffix(error)).toBe("-month");
    expect(messages({ visitDate: "21-9-5" })[".visitDate"]).toBe("Year must include 4 numbers");
    expect(messages({ visitDate: "2021--" })[".visitDate"]).toBe("Date of visit must include a day and month");
  });

  it("uses a field's own message from ui:options.errorMessages", () => {
    const ui = {
      ...uiSchema,
      concerns: { "ui:options": { errorMessages: { required: "Select yes if you have concerns" } } },
    };
    expect(messages({}, ui)[".concerns"]).toBe("Select yes if you have concerns");
  });

  it("shows one message per field", () => {
    const validator = createValidator();
    const { errors } = validator.validateFormData(
      { outcome: 5 },
      schema,
      undefined,
      createGovukTransformErrors(schema),
      uiSchema,
    );
    expect(errors.filter((error) => error.property === ".outcome")).toHaveLength(1);
  });
});
