import { describe, expect, it } from "vitest";

import { findFormRenderProblem } from "./render-check.ts";

const schema = {
  type: "object",
  properties: { first: { type: "string", title: "First" }, second: { type: "string", title: "Second" } },
};

describe("the render check", () => {
  it("passes a form the theme draws, with its answers", () => {
    expect(findFormRenderProblem(schema, { "ui:order": ["second", "first"] }, { first: "a" })).toBeUndefined();
  });

  it("says why a form cannot be drawn: an order that leaves a question out", () => {
    expect(findFormRenderProblem(schema, { "ui:order": ["first"] }, {})).toMatch(/second/);
  });

  it("says why a form cannot be drawn: a widget the theme lacks", () => {
    expect(findFormRenderProblem(schema, { first: { "ui:widget": "richtext" } }, {})).toMatch(/richtext/);
  });
});
