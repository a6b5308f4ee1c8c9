import { useEffect, useRef, useState } from "react";

import { grantsFor, subjectLabel, type Grant, type Role, type Subject } from "@steward/policy-config";

import { GrantFields } from "./grant-fields.tsx";

interface CellEditorProps {
  role: Role;
  subject: Subject;
  onDone: (grants: Grant[]) => void;
  onCancel: () => void;
}

/**
 * What one role may do to one kind of record, each of its rules about it as a permission to change: allow or
 * never, the actions, the conditions and the fields. Done writes the rules back; cancel leaves them as they were.
 */
export function CellEditor({ role, subject, onDone, onCancel }: CellEditorProps) {
  const [grants, setGrants] = useState<Grant[]>(() => grantsFor(role.rules, subject));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const title = `What ${role.label} may do to ${subjectLabel(subject)}`;
  return (
    <section aria-labelledby="permissions-cell-heading">
      <h3 className="govuk-heading-m" id="permissions-cell-heading" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      <p className="govuk-body">
        Each permission below is one rule of the role. A later permission wins over an earlier one, so a
        &ldquo;never&rdquo; after an &ldquo;allow&rdquo; takes away what it allowed.
      </p>
      {grants.length === 0 && <p className="govuk-body">{role.label} has no permission for this yet.</p>}
      {grants.map((grant, index) => (
        <GrantFields
          key={index}
          id={`grant-${index}`}
          number={index + 1}
          subject={subject}
          grant={grant}
          onChange={(next) => setGrants((all) => all.map((g, i) => (i === index ? next : g)))}
          onRemove={() => setGrants((all) => all.filter((_, i) => i !== index))}
        />
      ))}
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setGrants((all) => [...all, { actions: [] }])}
        >
          Add a permission
        </button>
      </div>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={() => onDone(grants)}>
          Done
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
