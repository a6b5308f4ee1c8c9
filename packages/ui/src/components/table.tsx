import type { ReactNode } from "react";

import { downloadFile, toCsv, type CsvColumn } from "../lib/csv.ts";

export interface Column<T> {
  heading: string;
  cell: (row: T) => ReactNode;
  /** The column's value in a CSV export (leave out to export nothing for it). */
  csv?: (row: T) => string | number | boolean | null | undefined;
  numeric?: boolean;
  /** Extra classes for this column's cells (e.g. "govuk-body-s"). */
  className?: string;
}

/** A cell's classes: GOV.UK's base class, its numeric variant, then the column's own. */
function cellClass(base: string, numeric: boolean | undefined, extra?: string): string {
  return [base, numeric ? `${base}--numeric` : "", extra ?? ""].filter(Boolean).join(" ");
}

/**
 * A GOV.UK table with a caption: every table in the apps is one of these, so each keeps the same
 * accessible markup (a caption, column headers with scope="col", the first cell of each row a row
 * header unless `rowHeader` is false). Pair it with `CsvButton` to offer the rows as CSV.
 */
export function DataTable<T>({
  caption,
  captionSize = "m",
  columns,
  rows,
  rowKey,
  rowHeader = true,
  empty = "Nothing to show.",
}: {
  caption: ReactNode;
  captionSize?: "s" | "m" | "l";
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Whether each row's first cell is its header (`<th scope="row">`). */
  rowHeader?: boolean;
  empty?: ReactNode;
}) {
  return (
    <table className="govuk-table">
      <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c) => (
            <th scope="col" key={c.heading} className={cellClass("govuk-table__header", c.numeric)}>
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.length === 0 ? (
          <tr className="govuk-table__row">
            <td className="govuk-table__cell" colSpan={columns.length}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row, index) => (
            <tr className="govuk-table__row" key={rowKey(row, index)}>
              {columns.map((c, i) =>
                i === 0 && rowHeader ? (
                  <th scope="row" className={cellClass("govuk-table__header", false, c.className)} key={c.heading}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.heading} className={cellClass("govuk-table__cell", c.numeric, c.className)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** "Download as CSV": the rows given, or all of them fetched on demand. */
export function CsvButton<T>({
  filename,
  columns,
  rows,
  fetchAll,
  label = "Download as CSV",
}: {
  filename: string;
  columns: Column<T>[];
  rows?: readonly T[];
  fetchAll?: () => Promise<readonly T[]>;
  label?: string;
}) {
  const csvColumns: CsvColumn<T>[] = columns.flatMap((c) => (c.csv ? [{ heading: c.heading, value: c.csv }] : []));
  const download = async () => {
    const all = fetchAll ? await fetchAll() : (rows ?? []);
    downloadFile(filename, toCsv(csvColumns, all), "text/csv;charset=utf-8");
  };
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
      data-module="govuk-button"
      onClick={() => void download()}
    >
      {label}
      <span className="govuk-visually-hidden"> ({filename})</span>
    </button>
  );
}
