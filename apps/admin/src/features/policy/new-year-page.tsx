import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";

import type { AcademicYear, PolicyDocument } from "@steward/policy-config";
import {
  DateInput,
  ErrorSummary,
  fieldError,
  Loading,
  readProblems,
  Textarea,
  TextInput,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

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
  const document = baseDoc.data?.document as unknown as PolicyDocument | undefined;
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
  const lastYear = document?.calendar.years.at(-1);
  const proposed = nextYear(lastYear);
  const [period, setPeriod] = useState(
    proposed[0] ? proposed[0].key.replace(/-(\d{2})$/, (_m, y: string) => `-20${y}`) : "",
  );
  const [title, setTitle] = useState(document?.strategy.title ?? "");
  const [effectiveFrom, setEffectiveFrom] = useState(proposed[0]?.terms[0]?.start ?? "");
  const [effectiveTo, setEffectiveTo] = useState(proposed[0]?.terms.at(-1)?.end ?? "");
  const [years, setYears] = useState(JSON.stringify(proposed, null, 2));
  const [problems, setProblems] = useState<Problem[]>([]);
  const create = useMutation(
    mutationOptions({ onSuccess: (v) => void onCreated(v.id), onError: (e) => setProblems(readProblems(e)) }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(years);
    } catch (error) {
      return setProblems([
        { pointer: "/years", message: `The school year calendar is not valid JSON: ${(error as Error).message}` },
      ]);
    }
    create.mutate({
      from: "new-strategy-year",
      versionId: baseId,
      period: period.trim(),
      effectiveFrom,
      ...(effectiveTo ? { effectiveTo } : {}),
      ...(title.trim() ? { title: title.trim() } : {}),
      years: (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[],
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
        <TextInput
          id="title"
          label="Strategy title"
          value={title}
          onChange={setTitle}
          error={fieldError(problems, "title")}
        />
        <TextInput
          id="period"
          label="Period"
          hint="For example, 2027-2028"
          width="10"
          value={period}
          onChange={setPeriod}
          error={fieldError(problems, "period")}
        />
        <DateInput
          id="effectiveFrom"
          label="In force from"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          error={fieldError(problems, "effectiveFrom")}
        />
        <DateInput
          id="effectiveTo"
          label="In force until (optional)"
          value={effectiveTo}
          onChange={setEffectiveTo}
          error={fieldError(problems, "effectiveTo")}
        />
        <Textarea
          id="years"
          label="School year calendar (JSON)"
          hint="Terms, half terms and holidays. Proposed from last year's dates moved on a year: check them against the authority's published term dates."
          rows={16}
          value={years}
          onChange={setYears}
          error={fieldError(problems, "years") ?? problems.find((p) => p.pointer?.startsWith("/years/"))?.message}
        />
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
