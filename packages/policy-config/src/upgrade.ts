import { FORMAT_VERSION } from "./schema/policy.ts";
import { upgradeV1ToV2 } from "./upgrades/v1-to-v2.ts";
import { upgradeV2ToV3 } from "./upgrades/v2-to-v3.ts";
import { upgradeV3ToV4 } from "./upgrades/v3-to-v4.ts";

/** A policy document of some format version, not yet checked against the meta-schema. */
export type UntypedDocument = Record<string, unknown>;

/** A pure function from a document of format N to the same document in format N + 1. */
export type FormatUpgrade = (document: UntypedDocument) => UntypedDocument;

/** The upgrades Steward knows, by the format they upgrade from. Each is pure and never edited once released. */
export const FORMAT_UPGRADES: Readonly<Record<number, FormatUpgrade>> = {
  1: upgradeV1ToV2,
  2: upgradeV2ToV3,
  3: upgradeV3ToV4,
};

export interface UpgradeResult {
  document: UntypedDocument;
  from: number;
  to: number;
}

/** Why a document cannot be brought to the current format. */
export class FormatUpgradeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormatUpgradeError";
  }
}

/**
 * Brings a policy document of any earlier format up to the current one by
 * applying each upgrade in turn (N -> N + 1 -> ...). The input is not changed.
 * A document already current is returned as a copy; one from a newer Steward,
 * or of no known format, is refused with a sentence saying why.
 */
export function upgradePolicy(
  document: unknown,
  upgrades: Readonly<Record<number, FormatUpgrade>> = FORMAT_UPGRADES,
  current: number = FORMAT_VERSION,
): UpgradeResult {
  if (!document || typeof document !== "object" || Array.isArray(document)) {
    throw new FormatUpgradeError("A policy document is a JSON object.");
  }
  const from = (document as UntypedDocument).formatVersion;
  if (typeof from !== "number" || !Number.isInteger(from) || from < 1) {
    throw new FormatUpgradeError(
      'The document has no "formatVersion" (a whole number from 1): Steward cannot tell which format it is in.',
    );
  }
  if (from > current) {
    throw new FormatUpgradeError(
      `The document is in format ${from}, newer than this Steward reads (up to ${current}): upgrade Steward first.`,
    );
  }
  let result = structuredClone(document) as UntypedDocument;
  for (let version = from; version < current; version++) {
    const upgrade = upgrades[version];
    if (!upgrade) throw new FormatUpgradeError(`There is no upgrade from format ${version} to ${version + 1}.`);
    result = upgrade(result);
    result.formatVersion = version + 1;
  }
  return { document: result, from, to: current };
}
