import { hasWidget, type RJSFSchema } from "@rjsf/utils";
import { describe, expect, it } from "vitest";

import { FORM_THEME_WIDGETS, FORM_WIDGET_ALIASES } from "@steward/policy-config";

import { generateWidgets } from "./widgets/index.ts";

const TYPES: RJSFSchema[] = [
  { type: "string" },
  { type: "number" },
  { type: "integer" },
  { type: "boolean" },
  { type: "array", items: { type: "string", enum: ["a"] }, uniqueItems: true },
];

describe("the widget names the policy validator accepts", () => {
  it("are exactly the widgets the theme registers", () => {
    expect([...FORM_THEME_WIDGETS].sort()).toEqual(Object.keys(generateWidgets()).sort());
  });

  it("include only rjsf short names the theme can draw for some type", () => {
    const widgets = generateWidgets();
    const drawable = FORM_WIDGET_ALIASES.filter((alias) => TYPES.some((schema) => hasWidget(schema, alias, widgets)));
    expect(drawable).toEqual([...FORM_WIDGET_ALIASES]);
    expect(TYPES.some((schema) => hasWidget(schema, "richtext", widgets))).toBe(false);
  });
});
