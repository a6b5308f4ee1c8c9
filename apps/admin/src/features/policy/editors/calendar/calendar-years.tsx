import { useState } from "react";

import type { AcademicYear } from "@steward/policy-config";

import { newYear, removeAt, replaceAt, type CalendarProblem } from "./calendar-shape.ts";
import { PartButton } from "./dated-fields.tsx";
import { TermDatesImport } from "./term-dates-import.tsx";
import { YearEditor } from "./year-editor.tsx";

interface CalendarYearsProps {
  years: AcademicYear[];
  onChange: (years: AcademicYear[]) => void;
  /** The JSON pointer of the years in the document the problems are about (`/calendar/years`). */
  pointer: string;
  problems: CalendarProblem[];
  laCode: string;
  /** The school year the import offers first, when the file has it. */
  preferredYear?: string | undefined;
}

/** `years` with `year` in place of the year of the same key, or added, in order of their keys. */
function putYear(years: AcademicYear[], year: AcademicYear): AcademicYear[] {
  return [...years.filter((y) => y.key !== year.key), year].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The school years of a calendar, each a GOV.UK details block (the last and the one imported open) holding its editor, after importing one from a file
 * of term dates, and adding a year. Adding or removing a part redraws the fields (`generation`), so
 * a date box never keeps what was typed for the part that was there before.
 */
export function CalendarYears({ years, onChange, pointer, problems, laCode, preferredYear }: CalendarYearsProps) {
  const [generation, setGeneration] = useState(0);
  const [imported, setImported] = useState<string>();
  const restructure = (next: AcademicYear[]) => {
    setGeneration((g) => g + 1);
    onChange(next);
  };
  return (
    <>
      <TermDatesImport
        laCode={laCode}
        years={years}
        preferredYear={preferredYear}
        onApply={(year) => {
          setImported(year.key);
          restructure(putYear(years, year));
        }}
      />
      {years.map((year, y) => {
        const yearPointer = `${pointer}/${y}`;
        const count = problems.filter(
          (p) => p.pointer.startsWith(`${yearPointer}/`) && p.severity !== "warning",
        ).length;
        return (
          <details
            key={`${generation}-${y}`}
            className="govuk-details"
            open={y === years.length - 1 || year.key === imported}
          >
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                {year.label} ({year.key}){count ? `: ${count} problem${count === 1 ? "" : "s"}` : ""}
              </span>
            </summary>
            <div className="govuk-details__text">
              <YearEditor
                year={year}
                pointer={yearPointer}
                problems={problems}
                onChange={(change) => (change.restructured ? restructure : onChange)(replaceAt(years, y, change.year))}
                onRemove={() => restructure(removeAt(years, y))}
              />
            </div>
          </details>
        );
      })}
      <PartButton onClick={() => restructure([...years, newYear(years, new Date().toISOString())])}>
        Add a school year
      </PartButton>
    </>
  );
}
