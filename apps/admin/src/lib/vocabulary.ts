/**
 * National vocabularies (GIAS, the API's own enums): the same for every authority, so they may be
 * listed here. Anything an authority defines (categories, stages, letters) comes from its policy.
 */
/** The school phases: policy-config holds the one list (the policy schema uses it too). */
export { PHASES } from "@steward/policy-config";
export const GOVERNANCE = [
  { value: "maintained", label: "Maintained school" },
  { value: "academy", label: "Academy" },
  { value: "free-school", label: "Free school" },
  { value: "other", label: "Other" },
] as const;

export const governanceLabel = (value: string | null | undefined) =>
  GOVERNANCE.find((g) => g.value === value)?.label ?? value ?? "";
