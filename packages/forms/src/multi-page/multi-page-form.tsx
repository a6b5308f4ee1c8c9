import type { IChangeEvent } from "@rjsf/core";
import { createSchemaUtils, toPath, type FieldPathList, type RJSFSchema, type ValidatorType } from "@rjsf/utils";
import { useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from "react";

import { ErrorSummary, focusErrorSummary, focusErrorTarget, type ErrorSummaryItem } from "../errors/error-summary.tsx";
import { createGovukTransformErrors } from "../errors/transform-errors.ts";
import { SinglePageForm, type GovukFormProps } from "../govuk-form/govuk-form.tsx";
import { FormSummary } from "../summary/form-summary.tsx";
import type { StewardFormContext } from "../theme/shared/form-context.ts";
import { defaultValidator } from "../validator.ts";
import { getPageSchema, getPageUiSchema, type FormPage } from "./pages.ts";

export interface MultiPageFormProps<T> extends GovukFormProps<T> {
  pages: FormPage[];
}

/**
 * A long form split into pages, GOV.UK's "one thing per page" pattern: a Back link, a Continue button that validates
 * only the page's questions, then "Check your answers" with a Change link for every answer (returning there after the
 * change), and the final submit, which validates the whole form. `onSave(formData, pageIndex)` after each page gives
 * save-and-return; `initialPage` resumes. Focus moves to each new page's heading.
 */
export function MultiPageForm<T = unknown>(props: MultiPageFormProps<T>) {
  const { pages, ...formProps } = props;
  const {
    schema,
    uiSchema,
    formData: initialData,
    initialFormData,
    initialPage = 0,
    onSave,
    onSubmit,
    onChange,
    onError,
    validator = defaultValidator as ValidatorType<T, RJSFSchema, StewardFormContext>,
    submitText = "Submit",
    idPrefix = "root",
    idSeparator = "_",
    formContext,
    customValidate,
    readonly,
    disabled,
  } = props;
  const [pageIndex, setPageIndex] = useState(() => Math.max(0, Math.min(initialPage, pages.length)));
  const [data, setData] = useState<T | undefined>(initialData ?? initialFormData);
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [finalErrors, setFinalErrors] = useState<ErrorSummaryItem[]>([]);
  const containerRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);
  const isFirstRender = useRef(true);
  const formTitle = typeof schema.title === "string" ? schema.title : undefined;
  const isCheckPage = pageIndex >= pages.length;
  const page = pages[pageIndex];
  const pageSchema = useMemo(() => (page ? getPageSchema(schema, page) : undefined), [schema, page]);
  const pageUiSchema = useMemo(
    () => (page ? getPageUiSchema(uiSchema, page, formTitle) : undefined),
    [uiSchema, page, formTitle],
  );

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const target = pendingFocus.current;
    pendingFocus.current = undefined;
    if (target && focusErrorTarget(target)) return;
    const heading = containerRef.current?.querySelector<HTMLElement>("h1");
    heading?.focus();
    heading?.scrollIntoView?.({ block: "start" });
  }, [pageIndex]);

  useEffect(() => {
    if (finalErrors.length > 0) focusErrorSummary(containerRef.current);
  }, [finalErrors]);

  const goTo = (index: number, focusId?: string) => {
    pendingFocus.current = focusId;
    setFinalErrors([]);
    setPageIndex(index);
  };
  const findPage = (path: FieldPathList) => pages.findIndex((candidate) => candidate.fields.includes(String(path[0])));
  const changeAnswer = (path: FieldPathList, fieldId: string) => {
    setReturnToCheck(true);
    goTo(Math.max(0, findPage(path)), fieldId);
  };
  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    goTo(Math.max(0, pageIndex - 1));
  };

  const continueFrom = ({ formData: pageData }: IChangeEvent<T, RJSFSchema, StewardFormContext>) => {
    const merged = { ...(data as object), ...(pageData as object) } as T;
    setData(merged);
    const next = returnToCheck ? pages.length : pageIndex + 1;
    onSave?.(merged, next);
    goTo(next);
  };

  const submitAll = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const transform = createGovukTransformErrors<T>(schema, { getFormData: () => data });
    const { errors } = validator.validateFormData(data, schema, customValidate, transform, uiSchema);
    if (errors.length > 0) {
      setFinalErrors(
        errors.map((error, index) => {
          const path = toPath(error.property ?? "").filter(Boolean);
          const fieldId = [idPrefix, ...path].join(idSeparator);
          return {
            key: `${fieldId}-${index}`,
            text: error.message ?? error.stack,
            href: `#${fieldId}`,
            onClick: (clickEvent: MouseEvent<HTMLAnchorElement>) => {
              clickEvent.preventDefault();
              changeAnswer(path, fieldId);
            },
          };
        }),
      );
      onError?.(errors);
      return;
    }
    const schemaUtils = createSchemaUtils(validator, schema);
    onSubmit?.(
      {
        schema,
        uiSchema: uiSchema ?? {},
        fieldPathId: { $id: idPrefix, path: [] },
        schemaUtils,
        formData: data,
        edit: true,
        errors: [],
        errorSchema: {},
        status: "submitted",
      },
      event,
    );
  };

  return (
    <div ref={containerRef} className="steward-multi-page">
      {pageIndex > 0 && (
        <a href="#" className="govuk-back-link" onClick={back}>
          Back
        </a>
      )}
      {isCheckPage || !pageSchema ? (
        <form className="steward-check-answers" noValidate onSubmit={submitAll}>
          {finalErrors.length > 0 && <ErrorSummary items={finalErrors} />}
          <h1 className="govuk-heading-l" tabIndex={-1}>
            {formTitle && <span className="govuk-caption-l">{formTitle}</span>}
            Check your answers
          </h1>
          {pages.map((candidate, index) => (
            <section key={candidate.title} className="steward-check-answers__section">
              <h2 className="govuk-heading-m">{candidate.title}</h2>
              <FormSummary
                schema={getPageSchema(schema, candidate)}
                uiSchema={getPageUiSchema(uiSchema, candidate)}
                formData={data}
                formContext={formContext}
                validator={validator as ValidatorType}
                idPrefix={idPrefix}
                idSeparator={idSeparator}
                headingLevel={3}
                onChangeAnswer={readonly || disabled ? undefined : changeAnswer}
                emptyText={`No answers given${index === 0 ? "" : " on this page"}`}
              />
            </section>
          ))}
          {!readonly && !disabled && (
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {submitText}
            </button>
          )}
        </form>
      ) : (
        <SinglePageForm<T>
          key={pageIndex}
          {...formProps}
          schema={pageSchema}
          uiSchema={pageUiSchema}
          formData={data}
          initialFormData={undefined}
          onChange={(event, id) => {
            setData({ ...(data as object), ...(event.formData as object) } as T);
            onChange?.(event, id);
          }}
          onSubmit={continueFrom}
        >
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Continue
            </button>
            {onSave && (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => onSave(data, pageIndex)}
              >
                Save and come back later
              </button>
            )}
          </div>
        </SinglePageForm>
      )}
    </div>
  );
}
