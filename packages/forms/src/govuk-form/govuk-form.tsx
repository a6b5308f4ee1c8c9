import type { FormProps, IChangeEvent } from "@rjsf/core";
import type { ErrorTransformer, RJSFSchema, ValidatorType } from "@rjsf/utils";
import { useCallback, useEffect, useMemo, useRef } from "react";

import { focusErrorSummary } from "../errors/error-summary.tsx";
import { createGovukTransformErrors } from "../errors/transform-errors.ts";
import { MultiPageForm } from "../multi-page/multi-page-form.tsx";
import { getPages } from "../multi-page/pages.ts";
import { Form } from "../theme/index.ts";
import type { StewardFormContext } from "../theme/shared/form-context.ts";
import { defaultValidator } from "../validator.ts";

export interface GovukFormProps<T = unknown> extends Omit<FormProps<T, RJSFSchema, StewardFormContext>, "validator"> {
  /** Defaults to a shared ajv 8 validator; pass `createValidator<T>()` for typed data. */
  validator?: ValidatorType<T, RJSFSchema, StewardFormContext>;
  /** Multi-page forms: the page to open on (the page count opens "Check your answers"). */
  initialPage?: number;
  /** Multi-page forms: save-and-return. Called after each page with the answers so far and the page to resume on. */
  onSave?: (formData: T | undefined, pageIndex: number) => void;
  /** Multi-page forms: the final button's text (default "Submit"). */
  submitText?: string;
}

/**
 * The form an app renders: rjsf's Form in the GOV.UK theme, with GOV.UK error messages, the error summary at the top
 * taking focus after a failed submit, no browser validation bubbles, and the shared validator. A uiSchema with
 * `"ui:options": { "pages": [...] }` at its root makes it a multi-page form with a "Check your answers" page.
 */
export function GovukForm<T = unknown>(props: GovukFormProps<T>) {
  const pages = getPages(props.schema, props.uiSchema);
  if (pages) return <MultiPageForm<T> {...props} pages={pages} />;
  return <SinglePageForm<T> {...props} />;
}

/** One page: GovukForm without the multi-page switch. */
export function SinglePageForm<T = unknown>(props: GovukFormProps<T>) {
  const {
    validator = defaultValidator as ValidatorType<T, RJSFSchema, StewardFormContext>,
    experimental_defaultFormStateBehavior,
    transformErrors,
    showErrorList = "top",
    focusOnFirstError,
    onChange,
    formData,
    initialFormData,
    schema,
    className,
    initialPage: _initialPage,
    onSave: _onSave,
    submitText: _submitText,
    ...rest
  } = props;
  const dataRef = useRef<T | undefined>(formData ?? initialFormData);
  const wrapperRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formData !== undefined) dataRef.current = formData;
  }, [formData]);
  const govukTransform = useMemo(
    () => createGovukTransformErrors<T>(schema, { getFormData: () => dataRef.current }),
    [schema],
  );
  const combinedTransform = useMemo<ErrorTransformer<T>>(
    () =>
      transformErrors
        ? (errors, uiSchema) => transformErrors(govukTransform(errors, uiSchema), uiSchema)
        : govukTransform,
    [transformErrors, govukTransform],
  );
  const handleChange = useCallback(
    (event: IChangeEvent<T, RJSFSchema, StewardFormContext>, id?: string) => {
      dataRef.current = event.formData;
      onChange?.(event, id);
    },
    [onChange],
  );
  const focusSummary = useCallback(() => {
    focusErrorSummary(wrapperRef.current);
  }, []);
  return (
    <div ref={wrapperRef} className="steward-form">
      <Form
        {...rest}
        className={className ?? "steward-form__form"}
        schema={schema}
        validator={validator}
        formData={formData}
        initialFormData={initialFormData}
        onChange={handleChange}
        transformErrors={combinedTransform}
        showErrorList={showErrorList}
        focusOnFirstError={focusOnFirstError ?? focusSummary}
        noHtml5Validate
        // GOV.UK never pre-selects an answer: a required yes/no question starts unanswered, not "No", and a choice
        // written as `oneOf` consts starts with no option chosen.
        experimental_defaultFormStateBehavior={{
          requiredBooleanDefault: "skip",
          constAsDefaults: "never",
          ...experimental_defaultFormStateBehavior,
        }}
      />
    </div>
  );
}
