// The GOV.UK text controls (input, textarea, select) with their error and width classes. The caller owns every
// attribute that says what the control is for (id, name, value, aria-describedby, handlers).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

import { cx } from "./class-names.ts";

interface ControlState {
  hasError?: boolean;
  /** Classes after the error class: a width (`govuk-input--width-10`), a read-only look. */
  className?: string | undefined;
}

/** A GOV.UK text input (`govuk-input`). */
export function InputControl({ hasError, className, ...rest }: ControlState & InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cx("govuk-input", hasError && "govuk-input--error", className)} {...rest} />;
}

/** A GOV.UK textarea. */
export function TextareaControl({
  hasError,
  className,
  ...rest
}: ControlState & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cx("govuk-textarea", hasError && "govuk-textarea--error", className)} {...rest} />;
}

/** A GOV.UK select; its options are the children. */
export function SelectControl({
  hasError,
  className,
  ...rest
}: ControlState & SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cx("govuk-select", hasError && "govuk-select--error", className)} {...rest} />;
}

/** GOV.UK input prefix and suffix ("£", "hours") around an input; the input alone when there are none. */
export function InputAffixes({ prefix, suffix, children }: { prefix?: string; suffix?: string; children: ReactNode }) {
  if (!prefix && !suffix) return children;
  return (
    <div className="govuk-input__wrapper">
      {prefix && (
        <div className="govuk-input__prefix" aria-hidden="true">
          {prefix}
        </div>
      )}
      {children}
      {suffix && (
        <div className="govuk-input__suffix" aria-hidden="true">
          {suffix}
        </div>
      )}
    </div>
  );
}
