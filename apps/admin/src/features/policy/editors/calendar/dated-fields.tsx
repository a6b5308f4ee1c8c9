import type { ReactNode } from "react";

import { DateInput, TextInput } from "@steward/ui";

import { errorAt, fieldId, type CalendarProblem } from "./calendar-shape.ts";

interface Dated {
  key?: string;
  label: string;
  start: string;
  end: string;
}

/** A problem at the group itself (a half term outside its term), linked from the problem list by the group's id. */
export function GroupError({ problems, pointer }: { problems: CalendarProblem[]; pointer: string }) {
  const error = errorAt(problems, pointer);
  if (!error) return null;
  return (
    <p className="govuk-error-message" id={`${fieldId(pointer)}-error`}>
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

/**
 * One term, half term or holiday: a fieldset named after it, with its key (where it has one), its name and its
 * first and last days as GOV.UK date inputs; each shows the validator's problem at its own pointer.
 */
export function DatedFields<T extends Dated>(props: {
  pointer: string;
  kind: string;
  value: T;
  onChange: (value: T) => void;
  problems: CalendarProblem[];
  legendClass?: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { pointer, kind, value, onChange, problems, legendClass = "govuk-fieldset__legend--s" } = props;
  const id = (field: string) => fieldId(`${pointer}/${field}`);
  const set = (field: keyof Dated) => (text: string) => onChange({ ...value, [field]: text });
  const groupError = errorAt(problems, pointer);
  return (
    <div className={`govuk-form-group${groupError ? " govuk-form-group--error" : ""}`}>
      <fieldset
        className="govuk-fieldset"
        id={fieldId(pointer)}
        tabIndex={-1}
        aria-describedby={groupError ? `${fieldId(pointer)}-error` : undefined}
      >
        <legend className={`govuk-fieldset__legend ${legendClass}`}>
          {kind}: {value.label || "not yet named"}
        </legend>
        <GroupError problems={problems} pointer={pointer} />
        {value.key !== undefined && (
          <TextInput
            id={id("key")}
            label="Key"
            hint="Agendas and frequencies refer to it: change it only with them."
            width="10"
            spellCheck={false}
            value={value.key}
            onChange={set("key")}
            error={errorAt(problems, `${pointer}/key`)}
          />
        )}
        <TextInput
          id={id("label")}
          label="Name"
          value={value.label}
          onChange={set("label")}
          error={errorAt(problems, `${pointer}/label`)}
        />
        <DateInput
          id={id("start")}
          label="First day"
          value={value.start}
          onChange={set("start")}
          error={errorAt(problems, `${pointer}/start`)}
        />
        <DateInput
          id={id("end")}
          label="Last day"
          value={value.end}
          onChange={set("end")}
          error={errorAt(problems, `${pointer}/end`)}
        />
        {props.children}
        {props.actions}
      </fieldset>
    </div>
  );
}

/** A secondary (or warning) button that adds or removes a part, named with what it acts on. */
export function PartButton({
  children,
  onClick,
  warning = false,
}: {
  children: ReactNode;
  onClick: () => void;
  warning?: boolean;
}) {
  return (
    <button
      type="button"
      className={`govuk-button govuk-!-margin-bottom-4 ${warning ? "govuk-button--warning" : "govuk-button--secondary"}`}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
