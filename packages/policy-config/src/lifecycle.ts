import type { AcademicYear, PolicyDocument } from "./schema/policy.ts";
import type { Problem } from "./validation/problem.ts";

/** A tenant's policy version moves draft -> published -> retired, never back. */
export type PolicyStatus = "draft" | "published" | "retired";

export interface VersionSummary {
  id: string;
  version: number;
  status: PolicyStatus;
}

export type LifecycleErrorCode =
  /** Only a draft can be edited or published. */
  | "not-a-draft"
  /** Only the published version can be retired. */
  | "not-published"
  /** The draft has validation errors. */
  | "invalid-policy"
  /** No version with that id. */
  | "unknown-version";

/** A lifecycle step that is not allowed, with a sentence a policy administrator can act on. */
export class PolicyLifecycleError extends Error {
  readonly code: LifecycleErrorCode;
  readonly problems: Problem[];

  constructor(code: LifecycleErrorCode, message: string, problems: Problem[] = []) {
    super(message);
    this.name = "PolicyLifecycleError";
    this.code = code;
    this.problems = problems;
  }
}

const TRANSITIONS: Record<PolicyStatus, PolicyStatus[]> = {
  draft: ["published"],
  published: ["retired"],
  retired: [],
};

export function canChangeStatus(from: PolicyStatus, to: PolicyStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws unless the version is a draft: published and retired versions are immutable. */
export function assertEditable(version: Pick<VersionSummary, "version" | "status">): void {
  if (version.status !== "draft") {
    throw new PolicyLifecycleError(
      "not-a-draft",
      `Version ${version.version} is ${version.status} and cannot be changed. Revise it into a new draft instead.`,
    );
  }
}

/** The number the next version of a tenant's policy gets. */
export function getNextVersionNumber(versions: readonly Pick<VersionSummary, "version">[]): number {
  return versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
}

export interface PublicationPlan {
  publish: VersionSummary;
  /** The version in force until now, retired by this publication. */
  retire: VersionSummary | undefined;
}

/**
 * What publishing a draft does: the draft becomes the version in force and the
 * one in force until now is retired. Refused for anything but a valid draft.
 */
export function planPublication(
  versions: readonly VersionSummary[],
  id: string,
  problems: readonly Problem[],
): PublicationPlan {
  const target = versions.find((v) => v.id === id);
  if (!target) throw new PolicyLifecycleError("unknown-version", "There is no such policy version.");
  if (target.status !== "draft") {
    throw new PolicyLifecycleError(
      "not-a-draft",
      `Version ${target.version} is already ${target.status}: only a draft can be published.`,
    );
  }
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new PolicyLifecycleError(
      "invalid-policy",
      `Version ${target.version} has ${errors.length} ${errors.length === 1 ? "problem" : "problems"} to fix before it can be published.`,
      errors,
    );
  }
  return { publish: target, retire: versions.find((v) => v.status === "published") };
}

/** Throws unless the version is the published one. */
export function assertRetirable(version: Pick<VersionSummary, "version" | "status">): void {
  if (version.status !== "published") {
    throw new PolicyLifecycleError(
      "not-published",
      `Version ${version.version} is ${version.status}: only the published version can be retired.`,
    );
  }
}

/** A new draft's document from any version: an independent copy, to edit freely. */
export function reviseDocument(document: PolicyDocument): PolicyDocument {
  return structuredClone(document);
}

export interface NewStrategyYear {
  /** For example 2025-2026. */
  period: string;
  effectiveFrom: string;
  effectiveTo?: string;
  title?: string;
  /** The school years of the new strategy period, replacing the calendar's years. */
  years: AcademicYear[];
}

/**
 * Starts a new strategy year from the last version: the same categories,
 * criteria, visits, letters, escalation, forms and roles, with the new period
 * and calendar. The result is a draft to review and publish.
 */
export function startNewStrategyYear(document: PolicyDocument, next: NewStrategyYear): PolicyDocument {
  const copy = reviseDocument(document);
  copy.strategy = {
    ...copy.strategy,
    title: next.title ?? copy.strategy.title,
    period: next.period,
    effectiveFrom: next.effectiveFrom,
  };
  if (next.effectiveTo) copy.strategy.effectiveTo = next.effectiveTo;
  else delete copy.strategy.effectiveTo;
  copy.calendar = { ...copy.calendar, years: structuredClone(next.years) };
  return copy;
}
