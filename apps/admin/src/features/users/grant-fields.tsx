import { Checkboxes, isSchoolRole, TextInput } from "@steward/ui";

import type { usePolicyRoles } from "./roles.ts";

/** Roles to grant (LA roles, or school roles for one school, by URN). */
export function GrantFields({
  roles,
  chosen,
  setChosen,
  urn,
  setUrn,
  error,
  urnError,
}: {
  roles: ReturnType<typeof usePolicyRoles>["roles"];
  chosen: string[];
  setChosen: (v: string[]) => void;
  urn: string;
  setUrn: (v: string) => void;
  error?: string | undefined;
  urnError?: string | undefined;
}) {
  const schoolRole = chosen.some((key) => isSchoolRole(roles, key));
  return (
    <>
      <Checkboxes
        id="grants"
        label="Roles"
        legendClassName="govuk-fieldset__legend--m"
        hint="A user is either LA staff or school staff: choose LA roles, or school roles for one school."
        options={roles.map((r) => ({
          value: r.key,
          label: `${r.label} (${r.audience === "la" ? "LA staff" : "school staff"})`,
          hint: r.description,
        }))}
        values={chosen}
        onChange={setChosen}
        error={error}
      />
      {schoolRole && (
        <TextInput
          id="schoolUrn"
          label="The school's URN"
          width="10"
          inputMode="numeric"
          value={urn}
          onChange={setUrn}
          error={urnError}
        />
      )}
    </>
  );
}

/** The grants to send: each school role for the school given by URN. */
export function toGrants(roles: ReturnType<typeof usePolicyRoles>["roles"], chosen: string[], urn: string) {
  return chosen.map((key) => (isSchoolRole(roles, key) ? { role: key, schoolUrn: Number(urn) || 0 } : { role: key }));
}
