import { useId, useState, type ReactNode } from "react";

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Show the label as the page's heading (one question per page). */
  labelClassName?: string;
}

function ErrorMessage({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  );
}

/** A GOV.UK form group with its label, hint and error message, around one control. */
function LabelledField({ id, label, hint, error, labelClassName, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className={`govuk-label ${labelClassName ?? ""}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}

const describedBy = (id: string, hint: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextInput(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    type?: string;
    width?: string;
    autoComplete?: string;
    spellCheck?: boolean;
    inputMode?: "numeric" | "text" | "email" | "search";
  },
) {
  const {
    id,
    label,
    hint,
    error,
    value,
    onChange,
    type = "text",
    width,
    autoComplete,
    spellCheck,
    inputMode,
    labelClassName,
  } = props;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} labelClassName={labelClassName}>
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        inputMode={inputMode}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </LabelledField>
  );
}

export function Textarea(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, label, hint, error, value, onChange, rows = 5, labelClassName } = props;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} labelClassName={labelClassName}>
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </LabelledField>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string | undefined;
  disabled?: boolean | undefined;
}

export function Select(
  props: FieldProps & { value: string; onChange: (value: string) => void; options: Option[]; placeholder?: string },
) {
  const { id, label, hint, error, value, onChange, options, placeholder, labelClassName } = props;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} labelClassName={labelClassName}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

interface ChoiceProps extends FieldProps {
  options: Option[];
  /** A legend styled as the page heading. */
  legendClassName?: string;
  inline?: boolean;
  small?: boolean;
}

export function Radios(props: ChoiceProps & { value: string; onChange: (value: string) => void }) {
  const {
    id,
    label,
    hint,
    error,
    options,
    value,
    onChange,
    legendClassName = "govuk-fieldset__legend--s",
    inline,
    small,
  } = props;
  const name = useId();
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClassName}`}>{label}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div
          className={`govuk-radios${inline ? " govuk-radios--inline" : ""}${small ? " govuk-radios--small" : ""}`}
          data-module="govuk-radios"
        >
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  disabled={option.disabled}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                  onChange={() => onChange(option.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes(
  props: ChoiceProps & {
    values: string[];
    onChange: (values: string[]) => void;
    renderAfter?: (value: string) => ReactNode;
  },
) {
  const {
    id,
    label,
    hint,
    error,
    options,
    values,
    onChange,
    legendClassName = "govuk-fieldset__legend--s",
    small,
    renderAfter,
  } = props;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClassName}`}>{label}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`} data-module="govuk-checkboxes">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            const checked = values.includes(option.value);
            return (
              <div key={option.value}>
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={optionId}
                    type="checkbox"
                    value={option.value}
                    checked={checked}
                    aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                    onChange={(event) =>
                      onChange(
                        event.target.checked ? [...values, option.value] : values.filter((v) => v !== option.value),
                      )
                    }
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={optionId}>
                    {option.label}
                  </label>
                  {option.hint && (
                    <div id={`${optionId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                      {option.hint}
                    </div>
                  )}
                </div>
                {checked && renderAfter && (
                  <div className="govuk-checkboxes__conditional">{renderAfter(option.value)}</div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** Splits "2027-03-14" into day, month and year as a person would write them. */
function splitDate(value: string): [string, string, string] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? [String(Number(match[3])), String(Number(match[2])), match[1]!] : ["", "", ""];
}

/** The GOV.UK date input (day, month, year). Its value is YYYY-MM-DD, or what was typed when it is not yet a date. */
export function DateInput(props: FieldProps & { value: string; onChange: (value: string) => void }) {
  const { id, label, hint, error, value, onChange } = props;
  const [parts, setParts] = useState<[string, string, string]>(() => splitDate(value));
  const update = (index: 0 | 1 | 2, text: string) => {
    const next: [string, string, string] = [...parts];
    next[index] = text.trim();
    setParts(next);
    const [d, m, y] = next;
    onChange(d || m || y ? `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "");
  };
  const part = (index: 0 | 1 | 2, partId: string, partLabel: string, width: number) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
          {partLabel}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
          id={partId}
          name={partId}
          type="text"
          inputMode="numeric"
          value={parts[index]}
          onChange={(event) => update(index, event.target.value)}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} error={error} />
        <div className="govuk-date-input">
          {part(0, id, "Day", 2)}
          {part(1, `${id}-month`, "Month", 2)}
          {part(2, `${id}-year`, "Year", 4)}
        </div>
      </fieldset>
    </div>
  );
}
