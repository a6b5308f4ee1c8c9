import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useSearchParams } from "react-router";

import {
  DateInput,
  formatDate,
  humanise,
  Loading,
  QueryError,
  SummaryList,
  Tag,
  usePageTitle,
  useTRPC,
  type RouterOutputs,
} from "@steward/ui";

import { useCase } from "./case-context.tsx";
import { CaseTimeline } from "./case-timeline.tsx";

/** The case as it was at the end of a chosen day, under the policy then in force. */
export function AsAtPage() {
  const { view } = useCase();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const date = params.get("date") ?? "";
  const [value, setValue] = useState(date);
  usePageTitle(`${view.school.name}: as it was${date ? ` on ${formatDate(date)}` : ""}`);
  const query = useQuery(
    trpc.cases.at.queryOptions({ caseId: view.id, date }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(date) }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ date: value });
  };
  const past = query.data;
  return (
    <>
      <h2 className="govuk-heading-l">As it was on a date</h2>
      <form noValidate onSubmit={submit}>
        <DateInput
          id="date"
          label="Show the case as it was at the end of"
          hint="For example, 1 10 2026"
          value={value}
          onChange={setValue}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Show
        </button>
      </form>
      {date && query.isPending && <Loading />}
      {query.isError && <QueryError error={query.error} />}
      {date && query.isSuccess && !past && (
        <p className="govuk-body">The case did not exist yet on {formatDate(date)}.</p>
      )}
      {past && <PastCase date={date} past={past} />}
    </>
  );
}

type PastView = NonNullable<RouterOutputs["cases"]["at"]>;

function listOr<T>(items: T[], item: (value: T) => { key: string; text: ReactNode }) {
  if (items.length === 0) return "None";
  return (
    <ul className="govuk-list">
      {items.map((value) => {
        const { key, text } = item(value);
        return <li key={key}>{text}</li>;
      })}
    </ul>
  );
}

/** The case on that day: category, stage, officer, visits, letters, open actions and the timeline so far. */
function PastCase({ date, past }: { date: string; past: PastView }) {
  return (
    <section aria-labelledby="as-at-heading">
      <h3 className="govuk-heading-m" id="as-at-heading">
        On {formatDate(date)}
      </h3>
      <SummaryList
        rows={[
          {
            key: "Category",
            value: past.category ? <Tag colour={past.category.colour}>{past.category.label}</Tag> : "Not categorised",
          },
          { key: "Stage", value: past.stage?.label ?? "" },
          { key: "Officer", value: past.assignedOfficer?.name ?? "Not assigned" },
          {
            key: "Visits",
            value: listOr(past.visits, (v) => ({
              key: v.id,
              text: `${v.visitType.label}, ${formatDate(v.date)}: ${humanise(v.status)}`,
            })),
          },
          {
            key: "Letters",
            value: listOr(past.letters, (l) => ({ key: l.id, text: `${l.letterType.label}: ${humanise(l.status)}` })),
          },
          { key: "Open actions", value: String(past.actions.filter((a) => a.status === "open").length) },
        ]}
      />
      <h4 className="govuk-heading-s">Timeline to that day</h4>
      <CaseTimeline entries={past.timeline} />
    </section>
  );
}
