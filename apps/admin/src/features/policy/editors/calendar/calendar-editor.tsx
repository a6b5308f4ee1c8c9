import { Calendar, type AcademicYear } from "@steward/policy-config";
import { formatDate, Radios } from "@steward/ui";

import { useStudio } from "../../studio-context.ts";
import type { SectionEditorProps } from "../registry.ts";
import { errorAt, fieldId, isCalendarShape } from "./calendar-shape.ts";
import { CalendarYears } from "./calendar-years.tsx";
import { YearStrip } from "./year-strip.tsx";

const modelSchema = Calendar.properties.model;
const MODELS = modelSchema.anyOf.map((option) => ({ value: option.const, label: option.const }));

/** The authority's DfE LA code, from the document's authority section. */
function readLaCode(doc: Record<string, unknown>): string {
  const authority = doc.authority;
  if (typeof authority !== "object" || authority === null || !("laCode" in authority)) return "";
  return typeof authority.laCode === "string" ? authority.laCode : "";
}

function ReadOnlyYear({ year }: { year: AcademicYear }) {
  const rows = [
    ...year.terms.flatMap((t) => [{ kind: "Term", ...t }, ...t.halfTerms.map((h) => ({ kind: "Half term", ...h }))]),
    ...year.holidays.map((h) => ({ kind: "Holiday", ...h })),
  ];
  return (
    <>
      <h3 className="govuk-heading-m">
        {year.label} ({year.key}){year.assumed ? ": dates assumed" : ""}
      </h3>
      <YearStrip year={year} />
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">Terms and holidays of {year.label}</caption>
        <tbody className="govuk-table__body">
          {rows.map((row, i) => (
            <tr key={i} className="govuk-table__row">
              <td className="govuk-table__cell">{row.kind}</td>
              <th scope="row" className="govuk-table__header">
                {row.label}
              </th>
              <td className="govuk-table__cell">
                {formatDate(row.start)} to {formatDate(row.end)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * The calendar section: the term model, then each school year's terms, half terms and holidays as date ranges with
 * a strip of the year, adding and removing any of them, and importing a year from a file of term dates.
 */
export function CalendarEditor({ value, onChange, problems, readonly }: SectionEditorProps) {
  const { doc } = useStudio();
  if (!isCalendarShape(value)) {
    return (
      <p className="govuk-body">
        The calendar is not in a shape this editor can draw. Use every field as a form, and as JSON, to put it right.
      </p>
    );
  }
  if (readonly) return value.years.map((year) => <ReadOnlyYear key={year.key} year={year} />);
  return (
    <>
      <Radios
        id={fieldId("/calendar/model")}
        label={modelSchema.title}
        hint={modelSchema.description}
        options={MODELS}
        value={value.model}
        onChange={(model) => onChange({ ...value, model })}
        error={errorAt(problems, "/calendar/model")}
        inline
        small
      />
      <h3 className="govuk-heading-m">School years</h3>
      <CalendarYears
        years={value.years}
        onChange={(years) => onChange({ ...value, years })}
        pointer="/calendar/years"
        problems={problems}
        laCode={readLaCode(doc)}
      />
    </>
  );
}
