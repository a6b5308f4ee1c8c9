import type { Applicability } from "@steward/policy-config";

/** What the engine needs to know about a school to apply the policy to it. */
export interface SchoolProfile {
  urn: number;
  name: string;
  phase?: string | undefined;
  governance: "maintained" | "academy" | "free-school" | "other";
  trust?: string | undefined;
}

/** Whether a part of the policy limited by `applicability` applies to this school. */
export function isApplicable(
  applicability: Applicability | undefined,
  school: Pick<SchoolProfile, "governance" | "phase">,
): boolean {
  if (!applicability) return true;
  if (applicability.governance && !applicability.governance.some((g) => g === school.governance)) return false;
  if (applicability.phases && !applicability.phases.some((p) => p === school.phase)) return false;
  return true;
}
