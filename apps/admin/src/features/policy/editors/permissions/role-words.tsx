import { useState } from "react";

import { describeRole, type Role } from "@steward/policy-config";
import { Select } from "@steward/ui";

import { useStudio } from "../../studio-context.ts";

/** "What can this role see and do?": a role's rules in sentences, in their order (a later rule wins). */
export function RoleWords({ roles }: { roles: Role[] }) {
  const { doc } = useStudio();
  const [key, setKey] = useState(roles[0]?.key ?? "");
  const role = roles.find((r) => r.key === key);
  return (
    <section aria-labelledby="permissions-words-heading">
      <h3 className="govuk-heading-m" id="permissions-words-heading">
        What can this role see and do?
      </h3>
      <Select
        id="permissions-words-role"
        label="Role"
        value={key}
        onChange={setKey}
        options={roles.map((r) => ({ value: r.key, label: r.label }))}
      />
      {role && (
        <ul className="govuk-list govuk-list--bullet" aria-label={`What ${role.label} may see and do`}>
          {describeRole(doc, role).map((sentence, i) => (
            <li key={i}>{/[.!?]$/.test(sentence) ? sentence : `${sentence}.`}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
