import type { FormDefinition, PolicyDocument } from "@steward/policy-config";

/**
 * Every policy under packages/policy-config/tenants/<authority>/policy.json, found when the bundle is built (Vite's
 * import.meta.glob), so a new authority's forms join the stories and tests without a code change.
 */
const modules = import.meta.glob<PolicyDocument>("../../../policy-config/tenants/*/policy.json", {
  eager: true,
  import: "default",
});

export interface PolicyForm {
  /** `<authority folder>/<form key>`. */
  id: string;
  tenant: string;
  policy: PolicyDocument;
  form: FormDefinition;
}

/** The policies, keyed by their folder name. */
function getPolicies(): { tenant: string; policy: PolicyDocument }[] {
  return Object.entries(modules)
    .map(([path, policy]) => ({ tenant: path.split("/").slice(-2)[0] ?? path, policy }))
    .sort((a, b) => a.tenant.localeCompare(b.tenant));
}

/** Every form of every policy. */
export function getPolicyForms(): PolicyForm[] {
  return getPolicies().flatMap(({ tenant, policy }) =>
    (Array.isArray(policy.forms) ? policy.forms : []).map((form) => ({
      id: `${tenant}/${form.key}`,
      tenant,
      policy,
      form,
    })),
  );
}
