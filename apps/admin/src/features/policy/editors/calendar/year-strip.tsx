import type { CSSProperties } from "react";

import { isRealDate, type AcademicYear } from "@steward/policy-config";
import { formatDate } from "@steward/ui";

const DAY = 86_400_000;
const MONTHS = ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"];

const TERM_STYLE: CSSProperties = { background: "#1d70b8", color: "#ffffff", top: 0, height: "2.5rem" };
/** Holidays are hatched and outlined as well as lighter, so they do not differ by colour alone. */
const HOLIDAY_STYLE: CSSProperties = {
  background: "repeating-linear-gradient(45deg, #ffffff 0 4px, #b1b4b6 4px 6px)",
  color: "#0b0c0c",
  outline: "1px solid #505a5f",
  top: "2.5rem",
  height: "1.75rem",
};

interface Block {
  kind: "half term" | "term" | "holiday";
  label: string;
  start: string;
  end: string;
}

/** The half terms (or a term without them) and holidays with real dates, in date order. */
function getBlocks(year: AcademicYear): Block[] {
  const terms = year.terms.flatMap<Block>((term) =>
    term.halfTerms.length
      ? term.halfTerms.map((h) => ({ kind: "half term", label: h.label, start: h.start, end: h.end }))
      : [{ kind: "term", label: term.label, start: term.start, end: term.end }],
  );
  const holidays = year.holidays.map((h) => ({ kind: "holiday" as const, ...h }));
  return [...terms, ...holidays]
    .filter((b) => isRealDate(b.start) && isRealDate(b.end) && b.end >= b.start)
    .sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * A school year from 1 September to 31 August as a strip: terms (solid, above) and holidays (hatched, below) as
 * blocks in proportion to their length, each labelled where it is wide enough; the same dates as a list for
 * screen readers, and a key in words.
 */
export function YearStrip({ year }: { year: AcademicYear }) {
  const first = Number(year.key.slice(0, 4));
  if (!Number.isInteger(first)) return null;
  const from = Date.UTC(first, 8, 1);
  const days = (Date.UTC(first + 1, 7, 31) - from) / DAY + 1;
  const offset = (date: string) => (Date.parse(`${date}T00:00:00Z`) - from) / DAY;
  const blocks = getBlocks(year);
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6" data-testid={`year-strip-${year.key}`}>
      <figcaption className="govuk-body-s govuk-!-margin-bottom-1">
        {year.label}: terms (solid blocks, top row) and holidays (striped blocks, bottom row), September to August
      </figcaption>
      <div aria-hidden="true" style={{ position: "relative", height: "4.25rem", background: "#f3f2f1" }}>
        {blocks.map((block, i) => {
          const left = Math.max(0, offset(block.start));
          const width = Math.min(days, offset(block.end) + 1) - left;
          const share = (100 * width) / days;
          return (
            <div
              key={`${block.kind}-${i}`}
              title={`${block.label}: ${formatDate(block.start)} to ${formatDate(block.end)}`}
              className="govuk-body-s govuk-!-margin-0"
              style={{
                ...(block.kind === "holiday" ? HOLIDAY_STYLE : TERM_STYLE),
                position: "absolute",
                left: `${(100 * left) / days}%`,
                width: `${share}%`,
                overflow: "hidden",
                whiteSpace: "nowrap",
                padding: "0.25rem 0.125rem",
                boxSizing: "border-box",
                fontSize: "0.875rem",
              }}
            >
              {share >= 6 ? block.label : ""}
            </div>
          );
        })}
      </div>
      <div aria-hidden="true" style={{ display: "flex" }} className="govuk-body-s govuk-!-margin-bottom-0">
        {MONTHS.map((month) => (
          <span key={month} style={{ flex: 1, borderLeft: "1px solid #b1b4b6", paddingLeft: "0.25rem" }}>
            {month}
          </span>
        ))}
      </div>
      <ul className="govuk-visually-hidden">
        {blocks.map((block, i) => (
          <li key={`${block.kind}-${i}`}>
            {block.label} ({block.kind}): {formatDate(block.start)} to {formatDate(block.end)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
