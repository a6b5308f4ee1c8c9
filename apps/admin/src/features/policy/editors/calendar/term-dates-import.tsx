import { useMemo, useState } from "react";

import {
  buildYearFromTermDates,
  readTermDates,
  TERM_DATE_COLUMNS,
  type AcademicYear,
  type TermDates,
} from "@steward/policy-config";
import { formatDate, Select } from "@steward/ui";

import { YearStrip } from "./year-strip.tsx";

interface TermDatesImportProps {
  /** The authority's DfE LA code (from the policy's authority section): the file's rows for it are read. */
  laCode: string;
  /** The calendar's years as they are: the shape (keys, names) an imported year takes, and the year it replaces. */
  years: AcademicYear[];
  /** The school year to offer first when the file has it (the new strategy year's). */
  preferredYear?: string | undefined;
  onApply: (year: AcademicYear) => void;
}

/** The calendar's year to take the shape from: the same year if it is there, else the latest before it, else the first. */
function findTemplate(years: AcademicYear[], key: string): AcademicYear | undefined {
  const earlier = years.filter((y) => y.key <= key);
  return years.find((y) => y.key === key) ?? earlier.at(-1) ?? years[0];
}

function RowProblems({ dates }: { dates: TermDates }) {
  if (dates.problems.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-testid="term-date-problems">
      <h4 className="govuk-error-summary__title">
        {dates.problems.length} row{dates.problems.length === 1 ? "" : "s"} of the file could not be read
      </h4>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list">
          {dates.problems.map((p) => (
            <li key={`${p.row}-${p.message}`}>{p.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Preview({
  template,
  dates,
  yearKey,
  replaces,
  onApply,
}: {
  template: AcademicYear;
  dates: TermDates;
  yearKey: string;
  replaces: boolean;
  onApply: (year: AcademicYear) => void;
}) {
  const built = useMemo(() => buildYearFromTermDates(dates.rows, yearKey, template), [dates, yearKey, template]);
  return (
    <section aria-labelledby="term-dates-preview" data-testid="term-dates-preview">
      <h4 className="govuk-heading-s" id="term-dates-preview">
        These terms and holidays will be added for {yearKey}
      </h4>
      {replaces && <p className="govuk-body">They replace the dates the calendar has for {yearKey} now.</p>}
      <YearStrip year={built.year} />
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">The terms and holidays of {yearKey} from the file</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {["What", "Name", "First day", "Last day", "Dates from"].map((h) => (
              <th key={h} scope="col" className="govuk-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {built.parts.map((part, i) => (
            <tr key={i} className="govuk-table__row">
              <td className="govuk-table__cell">{part.kind}</td>
              <th scope="row" className="govuk-table__header">
                {part.label}
              </th>
              <td className="govuk-table__cell">{formatDate(part.start)}</td>
              <td className="govuk-table__cell">{formatDate(part.end)}</td>
              <td className="govuk-table__cell">{part.assumed ? <strong>{part.source}</strong> : part.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => onApply(built.year)}>
        Add them to the calendar
      </button>
    </section>
  );
}

/**
 * Term dates from a CSV file: read in the browser for the authority's LA code, the rows that cannot be read listed
 * by number, one school year previewed in the calendar's shape, then applied to the draft (nothing is saved yet).
 */
export function TermDatesImport({ laCode, years, preferredYear, onApply }: TermDatesImportProps) {
  const [dates, setDates] = useState<TermDates>();
  const [chosen, setChosen] = useState("");
  const [applied, setApplied] = useState<string>();
  const read = async (file: File | undefined) => {
    setApplied(undefined);
    if (!file) return setDates(undefined);
    const next = readTermDates(await file.text(), laCode);
    setDates(next);
    setChosen(next.years.includes(preferredYear ?? "") ? (preferredYear ?? "") : (next.years.at(-1) ?? ""));
  };
  const template = findTemplate(years, chosen);
  return (
    <div className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m">Import term dates from a file</h3>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="term-dates-file">
          CSV file of term dates
        </label>
        <div className="govuk-hint" id="term-dates-file-hint">
          One row per term, half term or holiday, with the columns {TERM_DATE_COLUMNS.join(", ")}. Only the rows for
          this authority (LA code {laCode}) are read. Nothing changes until you add the dates.
        </div>
        <input
          className="govuk-file-upload"
          id="term-dates-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="term-dates-file-hint"
          onChange={(event) => void read(event.target.files?.[0])}
        />
      </div>
      {applied && (
        <p className="govuk-body" role="status">
          {applied}&apos;s dates were put in the calendar from the file. Save the draft to keep them.
        </p>
      )}
      {dates && <RowProblems dates={dates} />}
      {dates && dates.years.length === 0 && (
        <p className="govuk-body">The file has no rows that can be read for LA code {laCode}.</p>
      )}
      {dates && dates.years.length > 0 && (
        <Select
          id="term-dates-year"
          label="School year to import"
          options={dates.years.map((y) => ({ value: y, label: y }))}
          value={chosen}
          onChange={setChosen}
        />
      )}
      {dates && template && chosen && !applied && (
        <Preview
          template={template}
          dates={dates}
          yearKey={chosen}
          replaces={years.some((y) => y.key === chosen)}
          onApply={(year) => (onApply(year), setApplied(chosen))}
        />
      )}
    </div>
  );
}
