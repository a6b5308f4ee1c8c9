// The apps' own form fields (outside policy forms), drawn with the same GOV.UK primitives as the rjsf theme in
// @steward/forms, so a question on an app page has the markup of a question in a policy form.
import { useId, useState, type ReactNode } from "react";

import {
  ChoiceGroup,
  ChoiceItem,
  ConditionalPanel,
  DATE_PARTS,
  DateInputGroup,
  DateInputItem,
  ErrorMessage,
  FieldsetField,
  getDatePartId,
  Hint,
  InputControl,
  LabelledField,
  SelectControl,
  TextareaControl,
  type DatePart,
} from "@steward/forms/govuk";

import type { Problem } from "../lib/api-error.ts";
import { fieldError } from "./error-summary.tsx";

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Show the label as the page's heading (one question per page). */
  labelClassName?: string;
}

const describedBy = (id: string, hint: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** The hint and error message of a field, with this module's ids. */
function frame({ id, hint, error }: Pick<FieldProps, "id" | "hint" | "error">) {
  return {
    hasError: Boolean(error),
    hint: hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null,
    error: error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null,
  };
}

/** A GOV.UK form group with its label, hint and error message, around one control. */
function LabelledQuestion(props: FieldProps & { children: ReactNode }) {
  const { id, label, labelClassName, children } = props;
  return (
    <LabelledField id={id} label={label} labelClassName={labelClassName} {...frame(props)}>
      {children}
    </LabelledField>
  );
}

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
  const { id, hint, error, value, onChange, type = "text", width, autoComplete, spellCheck, inputMode } = props;
  return (
    <LabelledQuestion {...props}>
      <InputControl
        hasError={Boolean(error)}
        className={width ? `govuk-input--width-${width}` : undefined}
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
    </LabelledQuestion>
  );
}

/**
 * A password: GOV.UK's text input as a password, never spell-checked. `purpose` tells the browser's password manager
 * whether to fill the saved password (`current`, signing in) or to offer a new one (`new`, setting it).
 */
export function PasswordInput(
  props: FieldProps & { value: string; onChange: (value: string) => void; purpose: "current" | "new" },
) {
  const { purpose, ...field } = props;
  return <TextInput {...field} type="password" autoComplete={`${purpose}-password`} spellCheck={false} />;
}

export function Textarea(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, hint, error, value, onChange, rows = 5 } = props;
  return (
    <LabelledQuestion {...props}>
      <TextareaControl
        hasError={Boolean(error)}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </LabelledQuestion>
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
  const { id, hint, error, value, onChange, options, placeholder } = props;
  return (
    <LabelledQuestion {...props}>
      <SelectControl
        hasError={Boolean(error)}
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
      </SelectControl>
    </LabelledQuestion>
  );
}

interface ChoiceProps extends FieldProps {
  options: Option[];
  /** A legend styled as the page heading. */
  legendClassName?: string;
  inline?: boolean;
  small?: boolean;
}

/** A GOV.UK fieldset question around a group of controls, with this module's hint and error ids. */
function FieldsetQuestion(props: FieldProps & { legendClassName: string; role?: string; children: ReactNode }) {
  const { id, label, hint, error, legendClassName, role, children } = props;
  return (
    <FieldsetField
      legend={label}
      legendClassName={legendClassName}
      describedBy={describedBy(id, hint, error)}
      role={role}
      {...frame(props)}
    >
      {children}
    </FieldsetField>
  );
}

/** The id of one option: the first carries the field's id, so labels and error links land on it. */
const getOptionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

export function Radios(props: ChoiceProps & { value: string; onChange: (value: string) => void }) {
  const { id, options, value, onChange, legendClassName = "govuk-fieldset__legend--s", inline, small } = props;
  const name = useId();
  return (
    <FieldsetQuestion {...props} legendClassName={legendClassName}>
      <ChoiceGroup kind="radios" inline={inline} small={small}>
        {options.map((option, index) => (
          <ChoiceItem
            key={option.value}
            kind="radios"
            id={getOptionId(id, index)}
            label={option.label}
            hint={option.hint}
            name={name}
            value={option.value}
            checked={value === option.value}
            disabled={option.disabled}
            onChange={() => onChange(option.value)}
          />
        ))}
      </ChoiceGroup>
    </FieldsetQuestion>
  );
}

export function Checkboxes(
  props: ChoiceProps & {
    values: string[];
    onChange: (values: string[]) => void;
    renderAfter?: (value: string) => ReactNode;
  },
) {
  const { id, options, values, onChange, legendClassName = "govuk-fieldset__legend--s", small, renderAfter } = props;
  const toggle = (option: string, checked: boolean) =>
    onChange(checked ? [...values, option] : values.filter((v) => v !== option));
  return (
    <FieldsetQuestion {...props} legendClassName={legendClassName}>
      <ChoiceGroup kind="checkboxes" small={small}>
        {options.map((option, index) => {
          const checked = values.includes(option.value);
          return (
            <div key={option.value}>
              <ChoiceItem
                kind="checkboxes"
                id={getOptionId(id, index)}
                label={option.label}
                hint={option.hint}
                value={option.value}
                checked={checked}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              {checked && renderAfter && (
                <ConditionalPanel kind="checkboxes">{renderAfter(option.value)}</ConditionalPanel>
              )}
            </div>
          );
        })}
      </ChoiceGroup>
    </FieldsetQuestion>
  );
}

type Parts = Record<DatePart, string>;

/** Splits "2027-03-14" into day, month and year as a person would write them. */
function splitDate(value: string): Parts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { day: "", month: "", year: "" };
  const [, year = "", month = "", day = ""] = match;
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The GOV.UK date input (day, month, year). Its value is YYYY-MM-DD, or what was typed when it is not yet a date. */
export function DateInput(props: FieldProps & { value: string; onChange: (value: string) => void }) {
  const { id, error, value, onChange } = props;
  const [parts, setParts] = useState<Parts>(() => splitDate(value));
  const update = (part: DatePart, text: string) => {
    const next = { ...parts, [part]: text.trim() };
    setParts(next);
    const { day: d, month: m, year: y } = next;
    onChange(d || m || y ? `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "");
  };
  return (
    <FieldsetQuestion {...props} legendClassName="govuk-fieldset__legend--s" role="group">
      <DateInputGroup>
        {DATE_PARTS.map(({ part, label, width }) => {
          const partId = getDatePartId(id, part);
          return (
            <DateInputItem
              key={part}
              id={partId}
              name={partId}
              label={label}
              width={width}
              hasError={Boolean(error)}
              value={parts[part]}
              onChange={(event) => update(part, event.target.value)}
            />
          );
        })}
      </DateInputGroup>
    </FieldsetQuestion>
  );
}

/**
 * A page form's text answers, and each question's wiring to them: `field(key)` gives the question's id, value,
 * onChange and error message (from `problems`, by the key), to spread on a field; `reset()` clears them (after a save).
 */
export function useAnswers<Key extends string>(initial: Record<Key, string>, problems: Problem[]) {
  const [answers, setAnswers] = useState(initial);
  const field = (key: Key) => ({
    id: key,
    value: answers[key],
    onChange: (value: string) => setAnswers((current) => ({ ...current, [key]: value })),
    error: fieldError(problems, key),
  });
  return { answers, field, reset: () => setAnswers(initial) };
}
