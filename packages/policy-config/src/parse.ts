/**
 * A stored policy document is a trust boundary: it was written by an earlier
 * Steward, perhaps in an earlier format, perhaps by hand. `parsePolicyDocument`
 * is the one way in: it brings the document to the current format and checks
 * its shape against the meta-schema, returning it typed, or throwing with the
 * place (a JSON pointer) and a sentence, so no caller needs a cast.
 */
import type { PolicyDocument } from "./schema/policy.ts";
import { FormatUpgradeError, upgradePolicy } from "./upgrade.ts";
import { collectStructure } from "./validation/structure.ts";

/** A stored document that cannot be read as a policy, with where and why. */
export class PolicyDocumentError extends Error {
  /** JSON pointer into the document to the first problem ("" for the whole document). */
  readonly pointer: string;
  constructor(message: string, pointer: string) {
    super(message);
    this.name = "PolicyDocumentError";
    this.pointer = pointer;
  }
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PolicyDocumentError(`The policy document is not valid JSON (${reason}).`, "");
  }
}

/**
 * Reads a stored policy document (its JSON text, or the parsed value) in the
 * current format: upgraded (`upgradePolicy`) and checked against the
 * meta-schema (shape only; `validatePolicy` checks the semantic rules a
 * version must meet to be published). Throws `PolicyDocumentError` naming the
 * first problem.
 */
export function parsePolicyDocument(json: unknown): PolicyDocument {
  const value = typeof json === "string" ? readJson(json) : json;
  let upgraded: unknown;
  try {
    upgraded = upgradePolicy(value).document;
  } catch (error) {
    if (error instanceof FormatUpgradeError) {
      const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
      throw new PolicyDocumentError(error.message, isObject ? "/formatVersion" : "");
    }
    throw error;
  }
  const { policy, problems } = collectStructure(upgraded);
  if (policy) return policy;
  const [first] = problems;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? "" : "s"})` : "";
  throw new PolicyDocumentError(
    first
      ? `The policy document is not in the expected shape: ${first.where}: ${first.message}${more}`
      : "The policy document is not in the expected shape.",
    first?.pointer ?? "",
  );
}
