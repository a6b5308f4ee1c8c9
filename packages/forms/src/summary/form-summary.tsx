import { createSchemaUtils, type FieldPathList, type RJSFSchema, type UiSchema, type ValidatorType } from "@rjsf/utils";
import { Fragment, useMemo, type MouseEvent, type ReactNode } from "react";

import { lowerFirst } from "../theme/shared/text.ts";
import { defaultValidator } from "../validator.ts";
import { summariseAnswers, type SummaryEntry, type SummaryRow, type SummaryValue } from "./summarise.ts";

export interface FormSummaryProps<T = unknown> {
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  formData?: T;
  /** For the Steward widgets' labels (policy categories, areas) when their `ui:options` do not carry them. */
  formContext?: unknown;
  validator?: ValidatorType;
  /** Adds a "Change" link to each answer; called with the answer's path and its field's id. */
  onChangeAnswer?: (path: FieldPathList, fieldId: string) => void;
  /** The href of each "Change" link (default `#<field id>`). */
  getChangeHref?: (path: FieldPathList, fieldId: string) => string;
  /** The id prefix and separator the form used, to name field ids. */
  idPrefix?: string;
  idSeparator?: string;
  /** The heading level of the first level of sections (default 2). */
  headingLevel?: 2 | 3 | 4;
  /** Shown when nothing has been answered. */
  emptyText?: string;
}

function renderValue(value: SummaryValue): ReactNode {
  switch (value.kind) {
    case "text":
      return value.tagClassName ? <strong className={value.tagClassName}>{value.text}</strong> : value.text;
    case "list":
      return value.items.length === 1 ? (
        value.items[0]
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {value.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      );
    case "paragraphs":
      return value.paragraphs.map((paragraph, index) => (
        <p key={index} className="govuk-body">
          {paragraph}
        </p>
      ));
  }
}

/**
 * A submitted form as a GOV.UK summary list, for check-your-answers pages, reports and letters: every answered
 * question with its title and its answer in words (option labels, "Yes"/"No", "5 September 2021"), sections as
 * summary cards, list items ("Action 2") as sub-sections. With `onChangeAnswer`, each answer gets a "Change" link.
 */
export function FormSummary<T = unknown>(props: FormSummaryProps<T>) {
  const {
    schema,
    uiSchema,
    formData,
    formContext,
    validator = defaultValidator,
    onChangeAnswer,
    getChangeHref,
    idPrefix = "root",
    idSeparator = "_",
    headingLevel = 2,
    emptyText = "No answers given",
  } = props;
  const entries = useMemo(
    () => summariseAnswers(schema, uiSchema, formData, createSchemaUtils(validator, schema), formContext),
    [schema, uiSchema, formData, validator, formContext],
  );
  const hasActions = Boolean(onChangeAnswer || getChangeHref);
  const toId = (path: FieldPathList) => [idPrefix, ...path].join(idSeparator);

  const renderRow = (row: SummaryRow) => {
    const fieldId = toId(row.path);
    return (
      <div key={fieldId + row.label} className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">{row.label}</dt>
        <dd className="govuk-summary-list__value">{renderValue(row.value)}</dd>
        {hasActions && (
          <dd className="govuk-summary-list__actions">
            <a
              className="govuk-link"
              href={getChangeHref ? getChangeHref(row.path, fieldId) : `#${fieldId}`}
              onClick={
                onChangeAnswer
                  ? (event: MouseEvent<HTMLAnchorElement>) => {
                      event.preventDefault();
                      onChangeAnswer(row.path, fieldId);
                    }
                  : undefined
              }
            >
              Change<span className="govuk-visually-hidden"> {lowerFirst(row.label)}</span>
            </a>
          </dd>
        )}
      </div>
    );
  };

  const renderEntries = (list: SummaryEntry[], level: number): ReactNode[] => {
    const output: ReactNode[] = [];
    let rows: SummaryRow[] = [];
    const flush = () => {
      if (rows.length === 0) return;
      output.push(
        <dl key={`list-${output.length}`} className="govuk-summary-list">
          {rows.map(renderRow)}
        </dl>,
      );
      rows = [];
    };
    for (const entry of list) {
      if (entry.kind === "row") {
        rows.push(entry);
        continue;
      }
      flush();
      const Heading = `h${Math.min(6, level)}` as "h2";
      if (level === headingLevel) {
        output.push(
          <div key={toId(entry.path)} className="govuk-summary-card">
            <div className="govuk-summary-card__title-wrapper">
              <Heading className="govuk-summary-card__title">{entry.title}</Heading>
            </div>
            <div className="govuk-summary-card__content">{renderEntries(entry.entries, level + 1)}</div>
          </div>,
        );
      } else {
        output.push(
          <Fragment key={toId(entry.path)}>
            <Heading className="govuk-heading-s">{entry.title}</Heading>
            {renderEntries(entry.entries, level + 1)}
          </Fragment>,
        );
      }
    }
    flush();
    return output;
  };

  if (entries.length === 0) return <p className="govuk-body">{emptyText}</p>;
  return <div className="steward-form-summary">{renderEntries(entries, headingLevel)}</div>;
}
