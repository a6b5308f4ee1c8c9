import { useMutation, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";

import { startNewStrategyYear, validatePolicy, type AcademicYear, type PolicyDocument } from "@steward/policy-config";
import {
  DateInput,
  ErrorSummary,
  fieldError,
  Loading,
  readProblems,
  TextInput,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { CalendarYears } from "./editors/calendar/calendar-years.tsx";
import { useRefreshPolicy, useVersions } from "./policy-hooks.ts";

const shiftYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

/** The last school year of a calendar moved on a year: a starting point for the new year's dates. */
function nextYear(year: AcademicYear | undefined): AcademicYear[] {
  if (!year) return [];
  const [from, to] = year.key.split("-");
  return [
    {
      ...year,
      key: `${Number(from) + 1}-${String(Number(to) + 1).padStart(2, "0")}`,
      label: year.label
        .replace(/\d{4}/g, (y) => String(Number(y) + 1))
        .replace(/(\d{4})-(\d{2})$/, (_m, a: string, b: string) => `${a}-${String(Number(b) + 1).padStart(2, "0")}`),
      terms: year.terms.map((t) => ({
        ...t,
        start: shiftYear(t.start),
        end: shiftYear(t.end),
        halfTerms: t.halfTerms.map((h) => ({ ...h, start: shiftYear(h.start), end: shiftYear(h.end) })),
      })),
      holidays: year.holidays.map((h) => ({ ...h, start: shiftYear(h.start), end: shiftYear(h.end) })),
      assumed: true,
    },
  ];
}

/** A new strategy year: a copy of the version in force with a new period, dates and calendar. */
export function NewStrategyYearPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshPolicy();
  const versions = useVersions();
  const base = versions.data?.find((v) => v.status === "published") ?? versions.data?.[0];
  const baseDoc = useQuery(trpc.policy.get.queryOptions({ id: base?.id ?? "" }, { enabled: Boolean(base) }));
  usePageTitle("Start a new strategy year");
  if (versions.isPending || (base && baseDoc.isPending)) return <Loading />;
  const document = baseDoc.data?.inShape ? baseDoc.data.document : undefined;
  return (
    <NewYearForm
      key={base?.id}
      baseId={base?.id ?? ""}
      document={document}
      onCreated={async (id) => (await refresh(), navigate(`/policy/${id}`))}
      mutationOptions={trpc.policy.createDraft.mutationOptions}
    />
  );
}

interface NewYearValues {
  period: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string;
}
type SetValue = (key: keyof NewYearValues) => (value: string) => void;

/** The proposed values: the year after the last in the calendar, the strategy's title kept. */
function proposedValues(document: PolicyDocument | undefined): NewYearValues {
  const [proposed] = nextYear(document?.calendar.years.at(-1));
  return {
    period: proposed ? proposed.key.replace(/-(\d{2})$/, (_m, y: string) => `-20${y}`) : "",
    title: document?.strategy.title ?? "",
    effectiveFrom: proposed?.terms[0]?.start ?? "",
    effectiveTo: proposed?.terms.at(-1)?.end ?? "",
  };
}

/** The new year's calendar problems, found by the validator on the draft it would make (as the studio shows them). */
function useCalendarProblems(document: PolicyDocument | undefined, values: NewYearValues, years: AcademicYear[]) {
  const deferredYears = useDeferredValue(years);
  return useMemo(() => {
    if (!document) return [];
    const draft = startNewStrategyYear(document, { ...values, years: deferredYears });
    return validatePolicy(draft).problems.filter((p) => p.pointer.startsWith("/calendar/"));
  }, [document, values, deferredYears]);
}

function NewYearForm({
  baseId,
  document,
  onCreated,
  mutationOptions,
}: {
  baseId: string;
  document: PolicyDocument | undefined;
  onCreated: (id: string) => Promise<unknown>;
  mutationOptions: ReturnType<typeof useTRPC>["policy"]["createDraft"]["mutationOptions"];
}) {
  const [values, setValues] = useState(() => proposedValues(document));
  const [years, setYears] = useState(() => nextYear(document?.calendar.years.at(-1)));
  const set: SetValue = (key) => (value) => setValues((v) => ({ ...v, [key]: value }));
  const [problems, setProblems] = useState<Problem[]>([]);
  const calendarProblems = useCalendarProblems(document, values, years);
  const create = useMutation(
    mutationOptions({ onSuccess: (v) => void onCreated(v.id), onError: (e) => setProblems(readProblems(e)) }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      from: "new-strategy-year",
      versionId: baseId,
      period: values.period.trim(),
      effectiveFrom: values.effectiveFrom,
      ...(values.effectiveTo ? { effectiveTo: values.effectiveTo } : {}),
      ...(values.title.trim() ? { title: values.title.trim() } : {}),
      years,
    });
  };
  return (
    <>
      <Link to="/policy" className="govuk-back-link">
        Back to policy versions
      </Link>
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Start a new strategy year</h1>
      <p className="govuk-body">
        The new draft copies the version in force, with the new period, dates and school-year calendar. You can then
        change anything before publishing it.
      </p>
      <form noValidate onSubmit={submit}>
        <NewYearFields values={values} set={set} problems={problems} />
        <h2 className="govuk-heading-m">School year calendar</h2>
        <p className="govuk-body">
          Proposed from last year&apos;s dates moved on a year: check them against the authority&apos;s published term
          dates, or import them from a file.
        </p>
        {document ? (
          <CalendarYears
            years={years}
            onChange={setYears}
            pointer="/calendar/years"
            problems={calendarProblems}
            laCode={document.authority.laCode}
            preferredYear={years[0]?.key}
          />
        ) : (
          <p className="govuk-body">The version in force cannot be read, so its calendar cannot be proposed.</p>
        )}
        <button
          type="submit"
          className="govuk-button"
          data-module="govuk-button"
          disabled={create.isPending || !baseId}
        >
          Create the draft
        </button>
      </form>
    </>
  );
}

function NewYearFields({ values, set, problems }: { values: NewYearValues; set: SetValue; problems: Problem[] }) {
  return (
    <>
      <TextInput
        id="title"
        label="Strategy title"
        value={values.title}
        onChange={set("title")}
        error={fieldError(problems, "title")}
      />
      <TextInput
        id="period"
        label="Period"
        hint="For example, 2027-2028"
        width="10"
        value={values.period}
        onChange={set("period")}
        error={fieldError(problems, "period")}
      />
      <DateInput
        id="effectiveFrom"
        label="In force from"
        value={values.effectiveFrom}
        onChange={set("effectiveFrom")}
        error={fieldError(problems, "effectiveFrom")}
      />
      <DateInput
        id="effectiveTo"
        label="In force until (optional)"
        value={values.effectiveTo}
        onChange={set("effectiveTo")}
        error={fieldError(problems, "effectiveTo")}
      />
    </>
  );
}
