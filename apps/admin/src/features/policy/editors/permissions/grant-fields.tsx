import { ACTIONS, subjectFieldNames, type Grant, type Subject } from "@steward/policy-config";
import { Checkboxes, Radios, TextInput } from "@steward/ui";

import { ConditionFields } from "./condition-fields.tsx";

interface GrantFieldsProps {
  id: string;
  number: number;
  subject: Subject;
  grant: Grant;
  onChange: (grant: Grant) => void;
  onRemove: () => void;
}

/** One permission of a cell: allow or never, its actions, conditions, fields, and (for never) the reason shown. */
export function GrantFields({ id, number, subject, grant, onChange, onRemove }: GrantFieldsProps) {
  const fields = subjectFieldNames(subject);
  return (
    <fieldset className="govuk-fieldset steward-permissions__grant" aria-describedby={`${id}-origin`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Permission {number}</legend>
      <p className="govuk-hint" id={`${id}-origin`}>
        {grant.ruleIndex === undefined ? "A new rule." : `Rule ${grant.ruleIndex + 1} of the role.`}
      </p>
      <Radios
        id={`${id}-kind`}
        label="Allow or forbid"
        inline
        small
        value={grant.inverted ? "never" : "allow"}
        onChange={(kind) =>
          onChange(
            kind === "never" ? { ...grant, inverted: true } : { ...grant, inverted: undefined, reason: undefined },
          )
        }
        options={[
          { value: "allow", label: "Allow" },
          { value: "never", label: "Never (forbid, whatever earlier rules allow)" },
        ]}
      />
      <div className="steward-permissions__actions">
        <Checkboxes
          id={`${id}-actions`}
          label="Actions"
          hint="Untick every action to remove this permission."
          small
          values={grant.actions}
          onChange={(values) => onChange({ ...grant, actions: ACTIONS.filter((a) => values.includes(a)) })}
          options={ACTIONS.map((a) => ({
            value: a,
            label: a === "manage" ? "manage (every action)" : a,
          }))}
        />
      </div>
      <ConditionFields id={`${id}-conditions`} subject={subject} grant={grant} onChange={onChange} />
      {fields.length > 0 && (
        <details className="govuk-details" open={Boolean(grant.fields)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Only some of its fields</span>
          </summary>
          <div className="govuk-details__text">
            <Checkboxes
              id={`${id}-fields`}
              label="Only these fields"
              hint="Tick none for every field."
              small
              values={grant.fields ?? []}
              onChange={(values) =>
                onChange({ ...grant, fields: values.length ? fields.filter((f) => values.includes(f)) : undefined })
              }
              options={fields.map((f) => ({ value: f, label: f }))}
            />
          </div>
        </details>
      )}
      {grant.inverted && (
        <TextInput
          id={`${id}-reason`}
          label="Reason (shown to the user who is refused)"
          value={grant.reason ?? ""}
          onChange={(reason) => onChange({ ...grant, reason: reason || undefined })}
        />
      )}
      <button type="button" className="govuk-button govuk-button--warning" onClick={onRemove}>
        Remove permission {number}
      </button>
    </fieldset>
  );
}
