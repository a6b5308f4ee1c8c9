import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
// The whole package, as the server imports it: importing must not compile the meta-schema.
import { parsePolicyDocument, validatePolicy } from "../index.ts";
import { metaSchemaCompilations } from "./structure.ts";

describe("the policy meta-schema", () => {
  it("is compiled on first use, not at import, and once", () => {
    expect(metaSchemaCompilations()).toBe(0);

    parsePolicyDocument(createMinimalPolicy());
    // A document in shape needs only the stop-at-the-first-problem validator.
    expect(metaSchemaCompilations()).toBe(1);
    parsePolicyDocument(createMinimalPolicy());
    expect(metaSchemaCompilations()).toBe(1);

    const broken = { ...createMinimalPolicy(), authority: {} };
    expect(validatePolicy(broken).problems.some((p) => p.pointer === "/authority/name")).toBe(true);
    // Listing every problem compiles the second validator, once.
    expect(metaSchemaCompilations()).toBe(2);
    validatePolicy(broken);
    expect(metaSchemaCompilations()).toBe(2);
  });
});
