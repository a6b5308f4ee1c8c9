import type { ReactNode } from "react";

import { DateInput, fieldError, Radios, Select, TextInput, type Problem } from "@steward/ui";

/** A mapping as the form holds it (every field text, so half-typed values survive). */
export interface MappingForm {
  keyColumn: string;
  keyKind: "urn" | "laestab";
  asAtKind: "date" | "column";
  asAtDate: string;
  asAtColumn: string;
  rowFilters: { column: string; equals: string }[];
  columns: { column: string; indicator: string }[];
}

export const EMPTY_MAPPING: MappingForm = {
  keyColumn: "URN",
  keyKind: "urn",
  asAtKind: "date",
  asAtDate: "",
  asAtColumn: "",
  rowFilters: [],
  columns: [{ column: "", indicator: "" }],
};

/** The mapping as the API takes it. */
export function toMapping(form: MappingForm) {
  return {
    keyColumn: form.keyColumn,
    keyKind: form.keyKind,
    asAt: form.asAtKind === "date" ? { date: form.asAtDate } : { column: form.asAtColumn },
    rowFilters: form.rowFilters,
    columns: form.columns,
  };
}

/** A saved mapping as the form holds it. */
export function fromMapping(mapping: {
  keyColumn: string;
  keyKind: "urn" | "laestab";
  asAt: { date: string } | { column: string };
  rowFilters: { column: string; equals: string }[];
  columns: { column: string; indicator: string }[];
}): MappingForm {
  return {
    keyColumn: mapping.keyColumn,
    keyKind: mapping.keyKind,
    asAtKind: "date" in mapping.asAt ? "date" : "column",
    asAtDate: "date" in mapping.asAt ? mapping.asAt.date : "",
    asAtColumn: "column" in mapping.asAt ? mapping.asAt.column : "",
    rowFilters: mapping.rowFilters.map((f) => ({ ...f })),
    columns: mapping.columns.map((c) => ({ ...c })),
  };
}

const replace = <T,>(items: T[], index: number, item: T) => items.map((x, i) => (i === index ? item : x));

/** Building a mapping: the key column and its kind, the as-at date or column, row filters, and column -> indicator pairs. */
export function MappingFields({
  form,
  onChange,
  indicators,
  problems,
}: {
  form: MappingForm;
  onChange: (form: MappingForm) => void;
  indicators: { key: string; label: string }[];
  problems: Problem[];
}) {
  const error = (pointer: string) => fieldError(problems, `mapping-${pointer.replaceAll("/", "-")}`);
  return (
    <>
      <TextInput
        id="mapping-keyColumn"
        label="Column that identifies the school"
        hint="For example URN, or school_laestab in an explore education statistics file."
        value={form.keyColumn}
        onChange={(keyColumn) => onChange({ ...form, keyColumn })}
        error={error("keyColumn")}
        width="20"
      />
      <Radios
        id="mapping-keyKind"
        label="It holds the school's"
        inline
        small
        options={[
          { value: "urn", label: "URN" },
          { value: "laestab", label: "LAESTAB", hint: "8732001 or 873/2001" },
        ]}
        value={form.keyKind}
        onChange={(keyKind) => onChange({ ...form, keyKind: keyKind === "laestab" ? "laestab" : "urn" })}
      />
      <Radios
        id="mapping-asAtKind"
        label="The date the values are as at"
        small
        options={[
          { value: "date", label: "The same date for every row" },
          { value: "column", label: "A column of the file" },
        ]}
        value={form.asAtKind}
        onChange={(asAtKind) => onChange({ ...form, asAtKind: asAtKind === "column" ? "column" : "date" })}
      />
      {form.asAtKind === "date" ? (
        <DateInput
          id="mapping-asAt-date"
          label="As at"
          hint="For example the last day of the term or year the figures describe."
          value={form.asAtDate}
          onChange={(asAtDate) => onChange({ ...form, asAtDate })}
          error={error("asAt/date")}
        />
      ) : (
        <TextInput
          id="mapping-asAt-column"
          label="Column holding the as-at date"
          value={form.asAtColumn}
          onChange={(asAtColumn) => onChange({ ...form, asAtColumn })}
          error={error("asAt/column")}
          width="20"
        />
      )}
      <RowFilters form={form} onChange={onChange} error={error} />
      <ColumnPairs form={form} onChange={onChange} error={error} indicators={indicators} />
    </>
  );
}

function RowFilters({
  form,
  onChange,
  error,
}: {
  form: MappingForm;
  onChange: (form: MappingForm) => void;
  error: (pointer: string) => string | undefined;
}) {
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Rows to read</legend>
      <p className="govuk-hint">
        Only rows where every column below has its value are read: for a long-format file, for example geographic_level
        = School and the total breakdown.
      </p>
      {form.rowFilters.map((filter, i) => (
        <div key={i} className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextInput
              id={`mapping-rowFilters-${i}-column`}
              label={`Filter ${i + 1}: column`}
              value={filter.column}
              onChange={(column) =>
                onChange({ ...form, rowFilters: replace(form.rowFilters, i, { ...filter, column }) })
              }
              error={error(`rowFilters/${i}/column`)}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <TextInput
              id={`mapping-rowFilters-${i}-equals`}
              label={`Filter ${i + 1}: equals`}
              value={filter.equals}
              onChange={(equals) =>
                onChange({ ...form, rowFilters: replace(form.rowFilters, i, { ...filter, equals }) })
              }
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <RowButton
              kind="remove"
              onClick={() => onChange({ ...form, rowFilters: form.rowFilters.filter((_, j) => j !== i) })}
            >
              Remove filter {i + 1}
            </RowButton>
          </div>
        </div>
      ))}
      <RowButton
        kind="add"
        onClick={() => onChange({ ...form, rowFilters: [...form.rowFilters, { column: "", equals: "" }] })}
      >
        Add a row filter
      </RowButton>
    </fieldset>
  );
}

function ColumnPairs({
  form,
  onChange,
  error,
  indicators,
}: {
  form: MappingForm;
  onChange: (form: MappingForm) => void;
  error: (pointer: string) => string | undefined;
  indicators: { key: string; label: string }[];
}) {
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Columns and the indicators they fill</legend>
      {form.columns.map((pair, i) => (
        <div key={i} className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <TextInput
              id={`mapping-columns-${i}-column`}
              label={`Column ${i + 1}`}
              value={pair.column}
              onChange={(column) => onChange({ ...form, columns: replace(form.columns, i, { ...pair, column }) })}
              error={error(`columns/${i}/column`)}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id={`mapping-columns-${i}-indicator`}
              label={`Indicator for column ${i + 1}`}
              placeholder="Choose an indicator"
              options={indicators.map((d) => ({ value: d.key, label: d.label }))}
              value={pair.indicator}
              onChange={(indicator) => onChange({ ...form, columns: replace(form.columns, i, { ...pair, indicator }) })}
              error={error(`columns/${i}/indicator`)}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            {form.columns.length > 1 && (
              <RowButton
                kind="remove"
                onClick={() => onChange({ ...form, columns: form.columns.filter((_, j) => j !== i) })}
              >
                Remove column {i + 1}
              </RowButton>
            )}
          </div>
        </div>
      ))}
      <RowButton
        kind="add"
        onClick={() => onChange({ ...form, columns: [...form.columns, { column: "", indicator: "" }] })}
      >
        Add a column
      </RowButton>
    </fieldset>
  );
}

/** A button that adds a row to a repeating group, or removes one (GOV.UK secondary and warning buttons). */
function RowButton({ kind, onClick, children }: { kind: "add" | "remove"; onClick: () => void; children: ReactNode }) {
  const look = kind === "add" ? "govuk-button--secondary" : "govuk-button--warning govuk-!-margin-top-6";
  return (
    <button type="button" className={`govuk-button ${look}`} data-module="govuk-button" onClick={onClick}>
      {children}
    </button>
  );
}
