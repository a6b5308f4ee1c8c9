import type { AcademicYear } from "@steward/policy-config";
import { Checkboxes, TextInput } from "@steward/ui";

import {
  errorAt,
  fieldId,
  newHalfTerm,
  newTerm,
  removeAt,
  replaceAt,
  type CalendarProblem,
  type Term,
} from "./calendar-shape.ts";
import { DatedFields, GroupError, PartButton } from "./dated-fields.tsx";
import { YearStrip } from "./year-strip.tsx";

/** What a change does: a field edit keeps the fields as typed; adding or removing a part redraws them. */
interface YearChange {
  year: AcademicYear;
  restructured: boolean;
}

interface YearEditorProps {
  year: AcademicYear;
  pointer: string;
  problems: CalendarProblem[];
  onChange: (change: YearChange) => void;
  onRemove: () => void;
}

const hidden = (text: string) => <span className="govuk-visually-hidden"> {text}</span>;

function TermFields(props: {
  term: Term;
  pointer: string;
  problems: CalendarProblem[];
  onChange: (term: Term, restructured: boolean) => void;
  onRemove: () => void;
}) {
  const { term, pointer, problems, onChange } = props;
  const halvesPointer = `${pointer}/halfTerms`;
  return (
    <DatedFields
      pointer={pointer}
      kind="Term"
      value={term}
      onChange={(value) => onChange(value, false)}
      problems={problems}
      legendClass="govuk-fieldset__legend--m"
      actions={
        <PartButton warning onClick={props.onRemove}>
          Remove this term{hidden(`: ${term.label}`)}
        </PartButton>
      }
    >
      <div className="govuk-inset-text govuk-!-margin-top-0">
        <GroupError problems={problems} pointer={halvesPointer} />
        {term.halfTerms.map((half, h) => (
          <DatedFields
            key={h}
            pointer={`${halvesPointer}/${h}`}
            kind="Half term"
            value={half}
            problems={problems}
            onChange={(value) => onChange({ ...term, halfTerms: replaceAt(term.halfTerms, h, value) }, false)}
            actions={
              <PartButton onClick={() => onChange({ ...term, halfTerms: removeAt(term.halfTerms, h) }, true)}>
                Remove{hidden(`the half term ${half.label}`)}
              </PartButton>
            }
          />
        ))}
        <PartButton onClick={() => onChange({ ...term, halfTerms: [...term.halfTerms, newHalfTerm(term)] }, true)}>
          Add a half term{hidden(`to ${term.label}`)}
        </PartButton>
      </div>
    </DatedFields>
  );
}

function YearHeading({ year, pointer, problems, onChange }: Omit<YearEditorProps, "onRemove">) {
  const set = (field: "key" | "label") => (text: string) =>
    onChange({ year: { ...year, [field]: text }, restructured: false });
  return (
    <>
      <TextInput
        id={fieldId(`${pointer}/key`)}
        label="School year"
        hint="For example, 2027-28"
        width="5"
        value={year.key}
        onChange={set("key")}
        error={errorAt(problems, `${pointer}/key`)}
      />
      <TextInput
        id={fieldId(`${pointer}/label`)}
        label="Name"
        value={year.label}
        onChange={set("label")}
        error={errorAt(problems, `${pointer}/label`)}
      />
      <Checkboxes
        id={fieldId(`${pointer}/assumed`)}
        label="Status of these dates"
        options={[{ value: "assumed", label: "Dates assumed: to be confirmed against the published dates" }]}
        values={year.assumed ? ["assumed"] : []}
        onChange={(values) => {
          const { assumed: _assumed, ...rest } = year;
          onChange({ year: values.length ? { ...rest, assumed: true } : rest, restructured: false });
        }}
        small
      />
    </>
  );
}

/** One school year: its key and name, the strip, its terms with their half terms, and its holidays. */
export function YearEditor(props: YearEditorProps) {
  const { year, pointer, problems, onChange } = props;
  const change = (next: Partial<AcademicYear>, restructured: boolean) =>
    onChange({ year: { ...year, ...next }, restructured });
  return (
    <>
      <YearHeading {...props} />
      <YearStrip year={year} />
      <h4 className="govuk-heading-m">Terms</h4>
      <GroupError problems={problems} pointer={`${pointer}/terms`} />
      {year.terms.map((term, t) => (
        <TermFields
          key={t}
          term={term}
          pointer={`${pointer}/terms/${t}`}
          problems={problems}
          onChange={(value, restructured) => change({ terms: replaceAt(year.terms, t, value) }, restructured)}
          onRemove={() => change({ terms: removeAt(year.terms, t) }, true)}
        />
      ))}
      <PartButton onClick={() => change({ terms: [...year.terms, newTerm(year)] }, true)}>
        Add a term{hidden(`to ${year.label}`)}
      </PartButton>
      <h4 className="govuk-heading-m">Holidays</h4>
      {year.holidays.map((holiday, h) => (
        <DatedFields
          key={h}
          pointer={`${pointer}/holidays/${h}`}
          kind="Holiday"
          value={holiday}
          problems={problems}
          onChange={(value) => change({ holidays: replaceAt(year.holidays, h, value) }, false)}
          actions={
            <PartButton onClick={() => change({ holidays: removeAt(year.holidays, h) }, true)}>
              Remove{hidden(`the holiday ${holiday.label}`)}
            </PartButton>
          }
        />
      ))}
      <PartButton
        onClick={() => change({ holidays: [...year.holidays, { label: "Holiday", start: "", end: "" }] }, true)}
      >
        Add a holiday{hidden(`to ${year.label}`)}
      </PartButton>
      <p className="govuk-body">
        <PartButton warning onClick={props.onRemove}>
          Remove the school year {year.label}
        </PartButton>
      </p>
    </>
  );
}
