import { descriptionId, errorId, getUiOptions, helpId, type FieldTemplateProps } from "@rjsf/utils";
import type { ReactNode } from "react";

import { cx, joinIds } from "../../../govuk/class-names.ts";
import {
  FieldsetField,
  FormGroup,
  Hint,
  isLabelSize,
  LabelledField,
  labelSizeClass,
  legendSizeClass,
} from "../../../govuk/frame.tsx";
import { resolveWidget, type ResolvedWidget } from "../../shared/chrome.ts";
import { useItemLabel } from "../../shared/contexts.tsx";
import { getThemeOptions } from "../../shared/form-context.ts";

/** The `(optional)` suffix GOV.UK puts on questions that need no answer. */
export function getOptionalSuffix(required: boolean | undefined, markOptional: boolean): string {
  return !required && markOptional ? " (optional)" : "";
}

/** What a question shows around its control: its text and size, the hint (or a default one), help and error. */
interface Question {
  text: string;
  sizeClass: { label?: string | undefined; legend?: string | undefined };
  hint: ReactNode;
  error: ReactNode;
  describedBy: string | undefined;
}

function describeQuestion(
  props: FieldTemplateProps,
  component: ResolvedWidget["component"],
  labelSize: unknown,
  itemLabel: string | undefined,
  hasError: boolean,
): Question {
  const { id, label, errors, help, rawHelp, description, rawDescription, required, displayLabel, registry } = props;
  const text = `${itemLabel ?? label}${getOptionalSuffix(required, getThemeOptions(registry).markOptional)}`;
  const size = isLabelSize(labelSize) ? labelSize : (component?.govukLabelSize ?? "s");
  const hidden = displayLabel === false && itemLabel === undefined && "govuk-visually-hidden";
  const defaultHint = rawDescription || props.readonly ? undefined : component?.govukDefaultHint;
  const hint = rawDescription ? description : defaultHint ? <Hint id={descriptionId(id)}>{defaultHint}</Hint> : null;
  return {
    text,
    sizeClass: { label: cx(labelSizeClass(size), hidden), legend: cx(legendSizeClass(size), hidden) },
    hint: (
      <>
        {hint}
        {rawHelp ? help : null}
      </>
    ),
    error: hasError ? errors : null,
    describedBy: joinIds(
      (rawDescription || defaultHint) && descriptionId(id),
      rawHelp && helpId(id),
      hasError && errorId(id),
    ),
  };
}

/**
 * Frames every field the GOV.UK way: a `govuk-form-group` (with `--error` when the field has an error), then a label
 * (one control) or a fieldset and legend (a group of controls), the hint, the error message and the control. Objects
 * and arrays draw their own fieldsets; the root object gets no form group.
 */
export default function FieldTemplate(props: FieldTemplateProps) {
  const { id, children, rawErrors, hidden, schema, uiSchema, registry, hideError, classNames, fieldPathId } = props;
  const itemLabel = useItemLabel(id);
  if (hidden) return <div hidden>{children}</div>;
  const { chrome, component } = resolveWidget(schema, uiSchema, registry);
  const options = getUiOptions(uiSchema, registry.globalUiOptions);
  const hasError = !hideError && (rawErrors?.length ?? 0) > 0;
  const groupClassName = typeof options.classNames === "string" ? options.classNames : undefined;
  if (chrome === "hidden") return children;
  if (chrome === "container") {
    if (fieldPathId.path.length === 0) return children;
    return (
      <FormGroup hasError={hasError} className={groupClassName} data-rjsf-field={classNames}>
        {children}
      </FormGroup>
    );
  }
  const question = describeQuestion(props, component, options.labelSize, itemLabel, hasError);
  const frame = { hasError, groupClassName, error: question.error, children };
  if (chrome === "self") {
    return (
      <FormGroup hasError={hasError} className={groupClassName}>
        {props.rawHelp ? props.help : null}
        {question.error}
        {children}
      </FormGroup>
    );
  }
  if (chrome === "fieldset") {
    const legendClassName = question.sizeClass.legend;
    const { describedBy, hint, text } = question;
    return (
      <FieldsetField {...frame} legend={text} legendClassName={legendClassName} describedBy={describedBy} hint={hint} />
    );
  }
  return (
    <LabelledField
      {...frame}
      id={id}
      label={question.text}
      labelClassName={question.sizeClass.label}
      hint={question.hint}
    />
  );
}
