import type { IChangeEvent } from "@rjsf/core";
import {
  createSchemaUtils,
  toPath,
  type FieldPathList,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidatorType,
} from "@rjsf/utils";
import { useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent, type RefObject } from "react";

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

/** The answers so far with one page's answers laid over them. */
function mergeAnswers<T>(data: T | undefined, pageData: T | undefined): T {
  // Both are the form's data object (a page's answers are a subset of its root fields), so the merge is one too.
  return { ...(data as object), ...(pageData as object) } as T;
}

/**
 * Moves focus after a page change: to the question being changed (from "Check your answers"), else to the new page's
 * heading; and to the error summary when the final submit fails. Not on the first render.
 */
function useMultiPageFocus(
  pageIndex: number,
  finalErrors: ErrorSummaryItem[],
  containerRef: RefObject<HTMLDivElement | null>,
): RefObject<string | undefined> {
  const pendingFocus = useRef<string | undefined>(undefined);
  const isFirstRender = useRef(true);
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
  }, [pageIndex, containerRef]);
  useEffect(() => {
    if (finalErrors.length > 0) focusErrorSummary(containerRef.current);
  }, [finalErrors, containerRef]);
  return pendingFocus;
}

/** The final submit's errors as error summary links, each taking the user back to the question. */
function toErrorItems(
  errors: RJSFValidationError[],
  ids: { idPrefix: string; idSeparator: string },
  changeAnswer: (path: FieldPathList, fieldId: string) => void,
): ErrorSummaryItem[] {
  return errors.map((error, index) => {
    const path = toPath(error.property ?? "").filter(Boolean);
    const fieldId = [ids.idPrefix, ...path].join(ids.idSeparator);
    return {
      key: `${fieldId}-${index}`,
      text: error.message ?? error.stack,
      href: `#${fieldId}`,
      onClick: (clickEvent: MouseEvent<HTMLAnchorElement>) => {
        clickEvent.preventDefault();
        changeAnswer(path, fieldId);
      },
    };
  });
}

/** The event rjsf's own Form passes to `onSubmit`, for the whole form's answers. */
function getSubmittedEvent<T>(
  props: { schema: RJSFSchema; uiSchema: UiSchema | undefined; idPrefix: string },
  validator: ValidatorType<T, RJSFSchema, StewardFormContext>,
  data: T | undefined,
): IChangeEvent<T, RJSFSchema, StewardFormContext> {
  const { schema, uiSchema, idPrefix } = props;
  return {
    schema,
    uiSchema: uiSchema ?? {},
    fieldPathId: { $id: idPrefix, path: [] },
    schemaUtils: createSchemaUtils(validator, schema),
    formData: data,
    edit: true,
    errors: [],
    errorSchema: {},
    status: "submitted",
  };
}

interface CheckAnswersProps<T> {
  props: MultiPageFormProps<T>;
  data: T | undefined;
  validator: ValidatorType<T, RJSFSchema, StewardFormContext>;
  ids: { idPrefix: string; idSeparator: string };
  finalErrors: ErrorSummaryItem[];
  changeAnswer: (path: FieldPathList, fieldId: string) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

/** "Check your answers": every page's answers with Change links, and the final submit button. */
function CheckAnswers<T>({ props, data, validator, ids, finalErrors, changeAnswer, onSubmit }: CheckAnswersProps<T>) {
  const { pages, schema, uiSchema, formContext, readonly, disabled, submitText = "Submit" } = props;
  const formTitle = typeof schema.title === "string" ? schema.title : undefined;
  return (
    <form className="steward-check-answers" noValidate onSubmit={onSubmit}>
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
            idPrefix={ids.idPrefix}
            idSeparator={ids.idSeparator}
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
  );
}

/** GOV.UK's Back link, to the previous page of the form. */
function BackLink({ onBack }: { onBack: () => void }) {
  return (
    <a
      href="#"
      className="govuk-back-link"
      onClick={(event) => {
        event.preventDefault();
        onBack();
      }}
    >
      Back
    </a>
  );
}

/** The Continue button, and "Save and come back later" when the form can be saved. */
function PageButtons({ onSave }: { onSave: (() => void) | undefined }) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className="govuk-button" data-module="govuk-button">
        Continue
      </button>
      {onSave && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onSave}>
          Save and come back later
        </button>
      )}
    </div>
  );
}

/**
 * A long form split into pages, GOV.UK's "one thing per page" pattern: a Back link, a Continue button that validates
 * only the page's questions, then "Check your answers" with a Change link for every answer (returning there after the
 * change), and the final submit, which validates the whole form. `onSave(formData, pageIndex)` after each page gives
 * save-and-return; `initialPage` resumes. Focus moves to each new page's heading.
 */
export function MultiPageForm<T = unknown>(props: MultiPageFormProps<T>) {
  const { pages, ...formProps } = props;
  const { schema, uiSchema, formData: initialData, initialFormData, initialPage = 0, onSave, onChange } = props;
  const validator = props.validator ?? (defaultValidator as ValidatorType<T, RJSFSchema, StewardFormContext>);
  const ids = { idPrefix: props.idPrefix ?? "root", idSeparator: props.idSeparator ?? "_" };
  const [pageIndex, setPageIndex] = useState(() => Math.max(0, Math.min(initialPage, pages.length)));
  const [data, setData] = useState<T | undefined>(initialData ?? initialFormData);
  const [returnToCheck, setReturnToCheck] = useState(false);
  const [finalErrors, setFinalErrors] = useState<ErrorSummaryItem[]>([]);
  const containerRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useMultiPageFocus(pageIndex, finalErrors, containerRef);
  const formTitle = typeof schema.title === "string" ? schema.title : undefined;
  const page = pages[pageIndex];
  const pageSchema = useMemo(() => (page ? getPageSchema(schema, page) : undefined), [schema, page]);
  const pageUiSchema = useMemo(
    () => (page ? getPageUiSchema(uiSchema, page, formTitle) : undefined),
    [uiSchema, page, formTitle],
  );
  const goTo = (index: number, focusId?: string) => {
    pendingFocus.current = focusId;
    setFinalErrors([]);
    setPageIndex(index);
  };
  const changeAnswer = (path: FieldPathList, fieldId: string) => {
    setReturnToCheck(true);
    goTo(
      Math.max(
        0,
        pages.findIndex((candidate) => candidate.fields.includes(String(path[0]))),
      ),
      fieldId,
    );
  };
  const continueFrom = ({ formData: pageData }: IChangeEvent<T, RJSFSchema, StewardFormContext>) => {
    const merged = mergeAnswers(data, pageData);
    setData(merged);
    const next = returnToCheck ? pages.length : pageIndex + 1;
    onSave?.(merged, next);
    goTo(next);
  };
  const submitAll = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const transform = createGovukTransformErrors<T>(schema, { getFormData: () => data });
    const { errors } = validator.validateFormData(data, schema, props.customValidate, transform, uiSchema);
    if (errors.length > 0) {
      setFinalErrors(toErrorItems(errors, ids, changeAnswer));
      props.onError?.(errors);
      return;
    }
    props.onSubmit?.(getSubmittedEvent({ schema, uiSchema, idPrefix: ids.idPrefix }, validator, data), event);
  };
  return (
    <div ref={containerRef} className="steward-multi-page">
      {pageIndex > 0 && <BackLink onBack={() => goTo(Math.max(0, pageIndex - 1))} />}
      {pageIndex >= pages.length || !pageSchema ? (
        <CheckAnswers<T> {...{ props, data, validator, ids, finalErrors, changeAnswer }} onSubmit={submitAll} />
      ) : (
        <SinglePageForm<T>
          key={pageIndex}
          {...formProps}
          schema={pageSchema}
          uiSchema={pageUiSchema}
          formData={data}
          initialFormData={undefined}
          onChange={(event, id) => {
            setData(mergeAnswers(data, event.formData));
            onChange?.(event, id);
          }}
          onSubmit={continueFrom}
        >
          <PageButtons onSave={onSave && (() => onSave(data, pageIndex))} />
        </SinglePageForm>
      )}
    </div>
  );
}
