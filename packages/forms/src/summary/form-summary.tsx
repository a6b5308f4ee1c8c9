import { createSchemaUtils, type FieldPathList, type RJSFSchema, type UiSchema, type ValidatorType } from "@rjsf/utils";
import { Fragment, useMemo, type MouseEvent, type ReactNode } from "react";

import { lowerFirst } from "../theme/shared/text.ts";
import { defaultValidator } from "../validator.ts";
import {
  summariseAnswers,
  type SummaryEntry,
  type SummaryGroup,
  type SummaryRow,
  type SummaryValue,
} from "./summarise.ts";

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

/** How the summary draws its rows and sections: field ids, Change links, and the level of the first heading. */
interface SummaryLayout {
  toId: (path: FieldPathList) => string;
  headingLevel: number;
  onChangeAnswer: FormSummaryProps<unknown>["onChangeAnswer"];
  getChangeHref: FormSummaryProps<unknown>["getChangeHref"];
}

/** One question and its answer, with a Change link when the summary has them. */
function SummaryListRow({ row, layout }: { row: SummaryRow; layout: SummaryLayout }) {
  const { onChangeAnswer, getChangeHref } = layout;
  const fieldId = layout.toId(row.path);
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{row.label}</dt>
      <dd className="govuk-summary-list__value">{renderValue(row.value)}</dd>
      {(onChangeAnswer || getChangeHref) && (
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
}

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

/** A section: a summary card at the first level, a small heading with its rows below that. */
function renderGroup(entry: SummaryGroup, level: number, layout: SummaryLayout): ReactNode {
  const Heading = HEADINGS[Math.min(6, level) - 1] ?? "h6";
  const key = layout.toId(entry.path);
  if (level === layout.headingLevel) {
    return (
      <div key={key} className="govuk-summary-card">
        <div className="govuk-summary-card__title-wrapper">
          <Heading className="govuk-summary-card__title">{entry.title}</Heading>
        </div>
        <div className="govuk-summary-card__content">{renderEntries(entry.entries, level + 1, layout)}</div>
      </div>
    );
  }
  return (
    <Fragment key={key}>
      <Heading className="govuk-heading-s">{entry.title}</Heading>
      {renderEntries(entry.entries, level + 1, layout)}
    </Fragment>
  );
}

/** Consecutive rows as one summary list, each section in between as its own card or heading. */
function renderEntries(list: SummaryEntry[], level: number, layout: SummaryLayout): ReactNode[] {
  const output: ReactNode[] = [];
  let rows: SummaryRow[] = [];
  const flush = () => {
    if (rows.length === 0) return;
    output.push(
      <dl key={`list-${output.length}`} className="govuk-summary-list">
        {rows.map((row) => (
          <SummaryListRow key={layout.toId(row.path) + row.label} row={row} layout={layout} />
        ))}
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
    output.push(renderGroup(entry, level, layout));
  }
  flush();
  return output;
}

/**
 * A submitted form as a GOV.UK summary list, for check-your-answers pages, reports and letters: every answered
 * question with its title and its answer in words (option labels, "Yes"/"No", "5 September 2021"), sections as
 * summary cards, list items ("Action 2") as sub-sections. With `onChangeAnswer`, each answer gets a "Change" link.
 */
export function FormSummary<T = unknown>(props: FormSummaryProps<T>) {
  const { schema, uiSchema, formData, formContext, validator = defaultValidator, headingLevel = 2 } = props;
  const { idPrefix = "root", idSeparator = "_", emptyText = "No answers given" } = props;
  const entries = useMemo(
    () => summariseAnswers(schema, uiSchema, formData, createSchemaUtils(validator, schema), formContext),
    [schema, uiSchema, formData, validator, formContext],
  );
  const layout: SummaryLayout = {
    toId: (path) => [idPrefix, ...path].join(idSeparator),
    headingLevel,
    onChangeAnswer: props.onChangeAnswer,
    getChangeHref: props.getChangeHref,
  };
  if (entries.length === 0) return <p className="govuk-body">{emptyText}</p>;
  return <div className="steward-form-summary">{renderEntries(entries, headingLevel, layout)}</div>;
}
