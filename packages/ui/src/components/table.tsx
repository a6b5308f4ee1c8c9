import type { ReactNode } from "react";

import { downloadFile, toCsv, type CsvColumn } from "../lib/csv.ts";

export interface Column<T> {
  heading: string;
  cell: (row: T) => ReactNode;
  /** The column's value in a CSV export (leave out to export nothing for it). */
  csv?: (row: T) => string | number | boolean | null | undefined;
  numeric?: boolean;
}

/** A GOV.UK table with a caption; every list can be downloaded as CSV. */
export function DataTable<T>({
  caption,
  captionSize = "m",
  columns,
  rows,
  rowKey,
  empty = "Nothing to show.",
}: {
  caption: ReactNode;
  captionSize?: "s" | "m" | "l";
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  empty?: string;
}) {
  return (
    <table className="govuk-table">
      <caption className={`govuk-table__caption govuk-table__caption--${captionSize}`}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((c) => (
            <th
              scope="col"
              key={c.heading}
              className={`govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}`}
            >
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
          rows.map((row) => (
            <tr className="govuk-table__row" key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th scope="row" className="govuk-table__header" key={c.heading}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.heading} className={`govuk-table__cell${c.numeric ? " govuk-table__cell--numeric" : ""}`}>
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
  const csvColumns: CsvColumn<T>[] = columns.filter((c) => c.csv).map((c) => ({ heading: c.heading, value: c.csv! }));
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
