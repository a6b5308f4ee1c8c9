import { describe, expect, it } from "vitest";

import { describeAjvError, describeIncompleteAnswers } from "./ajv-errors.ts";
import { createAjv } from "./ajv.ts";

const validate = createAjv().compile({
  type: "object",
  required: ["summary"],
  additionalProperties: false,
  properties: { summary: { type: "string", minLength: 1 }, visits: { type: "integer", minimum: 0 } },
});

function errorsFor(data: unknown) {
  expect(validate(data)).toBe(false);
  return validate.errors ?? [];
}

describe("the one wording of Ajv's errors", () => {
  it("points at a missing or unknown field itself, with a sentence", () => {
    expect(errorsFor({}).map(describeAjvError)).toEqual([
      { pointer: "/summary", message: '"summary" is missing: it is required here.' },
    ]);
    expect(describeAjvError(errorsFor({ summary: "x", sumary: "y" })[0]!)).toEqual({
      pointer: "/sumary",
      message: '"sumary" is not a field here: check its spelling (did you mean "summary"?), or remove it.',
    });
    expect(describeAjvError(errorsFor({ summary: "x", colour: "red" })[0]!)).toEqual({
      pointer: "/colour",
      message: '"colour" is not a field here. This object has: summary, visits.',
    });
  });

  it("says what a value must be, and what it is", () => {
    expect(describeAjvError(errorsFor({ summary: "x", visits: "two" })[0]!)).toEqual({
      pointer: "/visits",
      message: "Must be a whole number, not text.",
    });
    expect(describeAjvError(errorsFor({ summary: "x", visits: -1 })[0]!).message).toBe("Must be 0 or more (it is -1).");
    expect(describeAjvError(errorsFor({ summary: "" })[0]!).message).toBe("Must not be empty.");
  });

  it("words a form's incomplete answers the same for the API and the engine, under /data", () => {
    expect(describeIncompleteAnswers("report", errorsFor({}))).toEqual({
      pointer: "/data/summary",
      message: 'The report is not complete (summary): "summary" is missing: it is required here.',
    });
    expect(describeIncompleteAnswers("form", [])).toEqual({
      pointer: "/data",
      message: "The form is not complete: Is not valid.",
    });
  });
});
