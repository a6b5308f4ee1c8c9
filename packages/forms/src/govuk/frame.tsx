// The GOV.UK frame of a question (form group, label, hint, error message, fieldset and legend), written once for the
// app's own fields (packages/ui) and the rjsf theme. Presentational only: ids and text come from the caller.
import type { HTMLAttributes, ReactNode } from "react";

import { cx } from "./class-names.ts";

/** A GOV.UK form group, marked in error when its question is. */
export function FormGroup({
  hasError,
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLDivElement> & { hasError?: boolean; "data-rjsf-field"?: string | undefined }) {
  return (
    <div className={cx("govuk-form-group", hasError && "govuk-form-group--error", className)} {...rest}>
      {children}
    </div>
  );
}

/** A GOV.UK label; `className` adds a size (`govuk-label--s`) or the visually hidden class. */
export function Label({ htmlFor, className, children }: { htmlFor: string; className?: string; children: ReactNode }) {
  return (
    <label className={cx("govuk-label", className)} htmlFor={htmlFor}>
      {children}
    </label>
  );
}

/** A GOV.UK hint; a question's control points `aria-describedby` at its id. */
export function Hint({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  return (
    <div id={id} className={cx("govuk-hint", className)}>
      {children}
    </div>
  );
}

/** A GOV.UK error message, its visually hidden "Error:" prefix telling screen readers what it is. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

/** GOV.UK's label and legend sizes; `regular` is body text. */
export type LabelSize = "s" | "m" | "l" | "xl" | "regular";

const LABEL_SIZES: readonly unknown[] = ["s", "m", "l", "xl", "regular"] satisfies LabelSize[];

/** True when a value (from `ui:options`, say) names a GOV.UK label size. */
export function isLabelSize(value: unknown): value is LabelSize {
  return LABEL_SIZES.includes(value);
}

/** The legend size class for a label size (`s` -> `govuk-fieldset__legend--s`); `regular` has none. */
export function legendSizeClass(size: LabelSize): string | undefined {
  return size === "regular" ? undefined : `govuk-fieldset__legend--${size}`;
}

/** The label size class for a label size (`m` -> `govuk-label--m`); `regular` has none. */
export function labelSizeClass(size: LabelSize): string | undefined {
  return size === "regular" ? undefined : `govuk-label--${size}`;
}

export interface FieldsetProps extends Omit<HTMLAttributes<HTMLFieldSetElement>, "className"> {
  legend: ReactNode;
  legendClassName?: string | undefined;
  describedBy?: string | undefined;
  className?: string | undefined;
  ref?: React.Ref<HTMLFieldSetElement>;
}

/** A GOV.UK fieldset with its legend: a group of controls (radios, checkboxes, date parts) or a section. */
export function Fieldset({ legend, legendClassName, describedBy, className, children, ...rest }: FieldsetProps) {
  return (
    <fieldset className={cx("govuk-fieldset", className)} aria-describedby={describedBy} {...rest}>
      <legend className={cx("govuk-fieldset__legend", legendClassName)}>{legend}</legend>
      {children}
    </fieldset>
  );
}

interface QuestionFrameProps {
  hasError?: boolean;
  groupClassName?: string | undefined;
  /** The hint (and any help) under the label or legend. */
  hint?: ReactNode;
  /** The error message, drawn only when given. */
  error?: ReactNode;
  children: ReactNode;
}

/** One control's question: form group, label, hint, error message, control. */
export function LabelledField({
  id,
  label,
  labelClassName,
  hasError,
  groupClassName,
  hint,
  error,
  children,
}: QuestionFrameProps & { id: string; label: ReactNode; labelClassName?: string | undefined }) {
  return (
    <FormGroup hasError={hasError} className={groupClassName}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      {hint}
      {error}
      {children}
    </FormGroup>
  );
}

/** A group of controls' question: form group, fieldset with its legend, hint, error message, controls. */
export function FieldsetField({
  legend,
  legendClassName,
  describedBy,
  role,
  hasError,
  groupClassName,
  hint,
  error,
  children,
}: QuestionFrameProps & Pick<FieldsetProps, "legend" | "legendClassName" | "describedBy" | "role">) {
  return (
    <FormGroup hasError={hasError} className={groupClassName}>
      <Fieldset legend={legend} legendClassName={legendClassName} describedBy={describedBy} role={role}>
        {hint}
        {error}
        {children}
      </Fieldset>
    </FormGroup>
  );
}
