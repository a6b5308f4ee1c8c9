import type { RJSFSchema } from "@rjsf/utils";
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderForm } from "../testing/render-form.tsx";
import { getChoiceHints, toChoiceSchema } from "./choice-schema.ts";

/** What TypeBox writes for `Type.Union([Type.Literal(...)])`: an `anyOf` of constants with no type of its own. */
const union = (values: string[], options: Record<string, unknown> = {}) => ({
  ...options,
  anyOf: values.map((value) => ({ const: value, type: "string" })),
});

const cadence = {
  type: "object",
  properties: {
    unit: union(["week", "month", "half-term", "term", "year"], { title: "Unit" }),
    basis: union(["minimum", "typical", "exact"], {
      title: "Basis",
      description: "minimum: at least this often; typical: about this often; exact: on this cadence.",
    }),
  },
};

function asRjsf(schema: unknown): RJSFSchema {
  const converted = toChoiceSchema(schema);
  if (typeof converted !== "object" || converted === null) throw new Error("not a schema");
  return converted;
}

describe("unions of constants", () => {
  it("are drawn as radios named in words, with the description's parts as each option's hint", () => {
    renderForm(asRjsf(cadence), { unit: { "ui:widget": "radio" }, basis: { "ui:widget": "radio" } });
    expect(screen.queryByText(/Unknown field type/)).toBeNull();
    expect(screen.getByRole("radio", { name: "Half term" })).toBeTruthy();
    const minimum = screen.getByRole("radio", { name: "Minimum" });
    const hintId = minimum.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(hintId)?.textContent).toBe("At least this often");
    expect(screen.queryByText(/minimum: at least this often/)).toBeNull();
  });

  it("write the chosen constant", () => {
    const form = renderForm(asRjsf(cadence), { unit: { "ui:widget": "radio" } });
    fireEvent.click(screen.getByRole("radio", { name: "Term" }));
    expect(form.lastData()).toEqual({ unit: "term" });
  });

  it("are a select when rjsf's default is kept, wherever they are nested", () => {
    const nested = { type: "array", items: { type: "object", properties: { colour: union(["red", "light-blue"]) } } };
    renderForm(asRjsf(nested), undefined, { formData: [{ colour: "light-blue" }] });
    const select = screen.getByRole("combobox");
    expect(select instanceof HTMLSelectElement && select.selectedOptions[0]?.textContent).toBe("Light blue");
  });

  it("keep a description that is not written as value: meaning", () => {
    expect(getChoiceHints("A GOV.UK tag colour.", ["red"])).toBeUndefined();
    expect(
      getChoiceHints("la: local authority staff; school: staff or governors of one school.", ["la", "school"]),
    ).toEqual({ la: "Local authority staff", school: "Staff or governors of one school" });
  });

  it("leave a union of a key and a constant as a string that remembers its constants", () => {
    const term = {
      title: "Term",
      anyOf: [
        { type: "string", pattern: "^[a-z]+$" },
        { const: "any", type: "string" },
      ],
    };
    expect(toChoiceSchema(term)).toEqual({
      type: "string",
      pattern: "^[a-z]+$",
      title: "Term",
      "x-steward-choices": ["any"],
    });
  });
});
