import { describe, expect, expectTypeOf, it } from "vitest";

import committed from "../meta-schema.json" with { type: "json" };
import { createAjv } from "./ajv.ts";
import { createMinimalPolicy } from "./fixtures/minimal-policy.ts";
import { policyMetaSchema } from "./meta-schema.ts";
import type { Category, LetterType, PolicyDocument } from "./schema/policy.ts";
import { checkStructure } from "./validation/structure.ts";

describe("the meta-schema", () => {
  it("is valid JSON Schema 2020-12", () => {
    const ajv = createAjv();
    expect(ajv.validateSchema(policyMetaSchema), JSON.stringify(ajv.errors)).toBe(true);
  });

  it("caps every list, every text and every free-form map, so no policy costs an unbounded amount to check", () => {
    const uncapped: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${path}/${i}`));
      if (!node || typeof node !== "object") return;
      const schema = node as Record<string, unknown>;
      if (schema.type === "array" && typeof schema.maxItems !== "number")
        uncapped.push(`${path}: a list without maxItems`);
      if (schema.type === "string" && schema.const === undefined && typeof schema.maxLength !== "number")
        uncapped.push(`${path}: a text without maxLength`);
      if (schema.type === "object" && schema.additionalProperties === true && typeof schema.maxProperties !== "number")
        uncapped.push(`${path}: a free map without maxProperties`);
      for (const [key, child] of Object.entries(schema)) walk(child, `${path}/${key}`);
    };
    walk(policyMetaSchema, "");
    expect(uncapped).toEqual([]);
  });

  it("is committed as meta-schema.json exactly as generated (run `pnpm --filter @steward/policy-config generate`)", () => {
    expect(committed).toEqual(policyMetaSchema);
  });
});

describe("the TypeScript types and the JSON Schema agree", () => {
  it("derive the same literal unions", () => {
    expectTypeOf<Category["colour"]>().toEqualTypeOf<
      "grey" | "green" | "turquoise" | "blue" | "light-blue" | "purple" | "pink" | "red" | "orange" | "yellow"
    >();
    expectTypeOf<NonNullable<LetterType["deadline"]>["kind"]>().toEqualTypeOf<"response" | "compliance">();
    expectTypeOf<Category["cadence"][number]["frequency"]["unit"]>().toEqualTypeOf<
      "week" | "month" | "half-term" | "term" | "year"
    >();
    expectTypeOf<PolicyDocument["formatVersion"]>().toEqualTypeOf<4>();
  });

  it("accept the same document: a value the types accept passes the schema", () => {
    const policy: PolicyDocument = createMinimalPolicy();
    expect(checkStructure(policy)).toEqual([]);
  });

  it("refuse the same omissions: what the types reject, the schema rejects", () => {
    const policy = createMinimalPolicy();
    const { label: _label, ...unlabelled } = policy.categories[0]!;
    // @ts-expect-error a category needs a label
    const category: Category = unlabelled;
    const broken: PolicyDocument = { ...policy, categories: [category] };
    expect(checkStructure(broken).map((p) => p.pointer)).toContain("/categories/0/label");
  });
});
