import { describe, expect, it, vi } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";

describe("the policy meta-schema", () => {
  it("is compiled on first use, not at import, and once", async () => {
    // A fresh copy of the package, as a new server process imports it: the test files of a worker share their
    // modules (isolate: false), so another file may already have compiled the copy they share.
    vi.resetModules();
    const { parsePolicyDocument, validatePolicy } = await import("../index.ts");
    const { metaSchemaCompilations } = await import("./structure.ts");
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
