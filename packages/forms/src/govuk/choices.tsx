// GOV.UK radios and checkboxes: the group, one option with its hint, the "or" divider and the conditional reveal.
// The caller chooses the option ids (the app and the rjsf theme number them differently) and owns the input's state.
import type { InputHTMLAttributes, ReactNode } from "react";

import { cx } from "./class-names.ts";

export type ChoiceKind = "radios" | "checkboxes";

/** The `govuk-radios` or `govuk-checkboxes` block around the options. */
export function ChoiceGroup({
  kind,
  inline,
  small,
  className,
  children,
}: {
  kind: ChoiceKind;
  inline?: boolean | undefined;
  small?: boolean | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div
      className={cx(`govuk-${kind}`, inline && `govuk-${kind}--inline`, small && `govuk-${kind}--small`, className)}
      data-module={`govuk-${kind}`}
    >
      {children}
    </div>
  );
}

/** The id of an option's own hint. */
export function getItemHintId(itemId: string): string {
  return `${itemId}-item-hint`;
}

export interface ChoiceItemProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "className"> {
  kind: ChoiceKind;
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The hint's id; `${id}-item-hint` when not given. */
  hintId?: string | undefined;
}

/**
 * One radio or checkbox with its label and hint. `aria-describedby` points at the hint unless the caller gives its
 * own.
 */
export function ChoiceItem({ kind, id, label, hint, hintId, ...input }: ChoiceItemProps) {
  const hintIdOrDefault = hintId ?? getItemHintId(id);
  return (
    <div className={`govuk-${kind}__item`}>
      <input
        className={`govuk-${kind}__input`}
        id={id}
        type={kind === "radios" ? "radio" : "checkbox"}
        aria-describedby={hint ? hintIdOrDefault : undefined}
        {...input}
      />
      <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintIdOrDefault} className={`govuk-hint govuk-${kind}__hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

/** The "or" before an exclusive checkbox ("None of these"). */
export function ChoiceDivider() {
  return <div className="govuk-checkboxes__divider">or</div>;
}

/** Follow-up questions revealed under a chosen option (GOV.UK conditional reveal). */
export function ConditionalPanel({ kind, id, children }: { kind: ChoiceKind; id?: string; children: ReactNode }) {
  return (
    <div className={`govuk-${kind}__conditional`} id={id}>
      {children}
    </div>
  );
}
