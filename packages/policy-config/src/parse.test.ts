import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "./fixtures/minimal-policy.ts";
import { parsePolicyDocument, PolicyDocumentError } from "./parse.ts";
import { FORMAT_VERSION } from "./schema/policy.ts";
import v1 from "./upgrades/golden/v1-no-deadlines.json" with { type: "json" };

function errorOf(json: unknown): PolicyDocumentError {
  try {
    parsePolicyDocument(json);
  } catch (error) {
    if (error instanceof PolicyDocumentError) return error;
    throw error;
  }
  throw new Error("expected parsePolicyDocument to throw");
}

describe("parsePolicyDocument", () => {
  it("returns a current, well-shaped document as it is, from its value or its JSON text", () => {
    const policy = createMinimalPolicy();
    expect(parsePolicyDocument(policy)).toEqual(policy);
    expect(parsePolicyDocument(JSON.stringify(policy))).toEqual(policy);
  });

  it("brings a document of an earlier format to the current one", () => {
    expect(parsePolicyDocument(v1).formatVersion).toBe(FORMAT_VERSION);
  });

  it("refuses a document of the wrong shape at its first problem, with a sentence", () => {
    const policy: Record<string, unknown> = { ...createMinimalPolicy(), authority: { laCode: "873" } };
    const error = errorOf(policy);
    expect(error.pointer).toBe("/authority/name");
    expect(error.message).toBe(
      'The policy document is not in the expected shape: Authority › Name: "name" is missing: it is required here.',
    );
  });

  it("refuses a document with no format, or of a newer one, at formatVersion", () => {
    const { formatVersion: _, ...unversioned } = createMinimalPolicy();
    const error = errorOf(unversioned);
    expect(error.pointer).toBe("/formatVersion");
    expect(error.message).toMatch(/no "formatVersion"/);
    expect(errorOf({ ...createMinimalPolicy(), formatVersion: 99 }).message).toMatch(/upgrade Steward first/);
  });

  it("refuses what is not a JSON object, and text that is not JSON", () => {
    expect(errorOf([])).toMatchObject({ pointer: "", message: "A policy document is a JSON object." });
    expect(errorOf("{not json").message).toMatch(/^The policy document is not valid JSON \(/);
  });
});
