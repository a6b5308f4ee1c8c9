import { describe, expect, it } from "vitest";

import { getFormValidator, type PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { getPolicyForms } from "./testing/policies.ts";
import { createSampleData } from "./testing/sample-data.ts";
import { createValidator } from "./validator.ts";

/** The server's verdict on answers to a form schema: the validator the engine uses. */
function serverAccepts(schema: Record<string, unknown>, data: unknown): boolean {
  const policy: PolicyDocument = createMinimalPolicy();
  policy.forms[0]!.schema = schema;
  return getFormValidator(policy, policy.forms[0]!.key)!(data);
}

function browserAccepts(schema: Record<string, unknown>, data: unknown): boolean {
  return createValidator().validateFormData(data, schema).errors.length === 0;
}

describe("the browser's form validator and the server's", () => {
  it("speak JSON Schema 2020-12 alike: dependentRequired, prefixItems and $defs", () => {
    const schema = {
      type: "object",
      properties: {
        concern: { type: "string" },
        action: { type: "string" },
        pair: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }] },
        note: { $ref: "#/$defs/note" },
      },
      dependentRequired: { concern: ["action"] },
      $defs: { note: { type: "string", maxLength: 5 } },
    };
    const cases: [unknown, boolean][] = [
      [{ concern: "Attendance" }, false],
      [{ concern: "Attendance", action: "Plan" }, true],
      [{ pair: ["a", "b"] }, false],
      [{ pair: ["a", 2] }, true],
      [{ note: "too long" }, false],
      [{ note: "ok" }, true],
    ];
    for (const [data, expected] of cases) {
      expect(serverAccepts(schema, data), `server: ${JSON.stringify(data)}`).toBe(expected);
      expect(browserAccepts(schema, data), `browser: ${JSON.stringify(data)}`).toBe(expected);
    }
  });

  it("agree on every form of the authorities' policies, for sample answers and for none", () => {
    for (const { form } of getPolicyForms()) {
      const schema = form.schema as Record<string, unknown>;
      for (const data of [createSampleData(schema, 3), {}]) {
        expect(browserAccepts(schema, data), form.key).toBe(serverAccepts(schema, data));
      }
    }
  });

  it("keep rjsf's own formats in the browser: a file as a data URL, a colour", () => {
    const schema = {
      type: "object",
      properties: { file: { type: "string", format: "data-url" }, colour: { type: "string", format: "color" } },
    };
    expect(browserAccepts(schema, { file: "data:text/plain;name=notes.txt;base64,aGk=", colour: "#1d70b8" })).toBe(
      true,
    );
    expect(browserAccepts(schema, { file: "notes.txt" })).toBe(false);
    expect(browserAccepts(schema, { colour: "not a colour" })).toBe(false);
  });
});
