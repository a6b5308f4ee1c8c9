import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  DataTable,
  DateInput,
  ErrorSummary,
  fieldError,
  formatDate,
  Loading,
  QueryError,
  readProblems,
  Select,
  SubmitButton,
  SuccessBanner,
  Textarea,
  TextInput,
  today,
  useTRPC,
  type Column,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

type Indicator = RouterOutputs["indicators"]["forSchool"][number];
type Value = Indicator["history"][number];

const SOURCE: Record<Value["source"], string> = {
  import: "Import",
  entry: "Entered",
  form: "Form",
  derived: "Derived",
};

const describeSource = (v: Value) =>
  [SOURCE[v.source], v.sourceDetail, v.recordedBy ? `by ${v.recordedBy}` : null].filter(Boolean).join(", ");

const LATEST_COLUMNS: Column<Indicator>[] = [
  { heading: "Indicator", cell: (i) => i.label },
  {
    heading: "Latest value",
    cell: (i) =>
      i.latest ? (
        <>
          {i.latest.display}
          {!i.latest.current && (
            <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-1">Out of date</strong>
          )}
        </>
      ) : (
        "No value yet"
      ),
  },
  { heading: "As at", cell: (i) => formatDate(i.latest?.asAt) },
  { heading: "Source", cell: (i) => (i.latest ? describeSource(i.latest) : "") },
];

const HISTORY_COLUMNS: Column<Value>[] = [
  { heading: "As at", cell: (v) => formatDate(v.asAt) },
  { heading: "Value", cell: (v) => v.display },
  { heading: "Source", cell: describeSource },
  { heading: "Recorded", cell: (v) => formatDate(v.recordedAt.slice(0, 10)) },
];

/** The school's indicators by group: latest value, as-at date and source, with each one's history in a details element. */
export function SchoolIndicators({ urn }: { urn: number }) {
  const trpc = useTRPC();
  const indicators = useQuery(trpc.indicators.forSchool.queryOptions({ urn }));
  if (indicators.isPending) return <Loading what="Loading the indicators" />;
  if (indicators.isError) return <QueryError error={indicators.error} />;
  if (indicators.data.length === 0) return null;
  const groups = [...new Set(indicators.data.map((i) => i.group ?? "Other indicators"))];
  const recordable = indicators.data.filter((i) => i.mayRecord);
  return (
    <section aria-labelledby="indicators-heading">
      <h2 className="govuk-heading-m" id="indicators-heading">
        Indicators
      </h2>
      {groups.map((group) => {
        const inGroup = indicators.data.filter((i) => (i.group ?? "Other indicators") === group);
        return (
          <div key={group}>
            <DataTable caption={group} captionSize="s" columns={LATEST_COLUMNS} rows={inGroup} rowKey={(i) => i.key} />
            {inGroup
              .filter((i) => i.history.length > 0)
              .map((i) => (
                <details className="govuk-details" key={i.key}>
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">History of {i.label}</span>
                  </summary>
                  <div className="govuk-details__text">
                    <DataTable
                      caption={`${i.label}: every value`}
                      captionSize="s"
                      columns={HISTORY_COLUMNS}
                      rows={i.history}
                      rowKey={(v, n) => `${v.asAt}-${v.recordedAt}-${n}`}
                    />
                  </div>
                </details>
              ))}
          </div>
        );
      })}
      {recordable.length > 0 && <RecordValue urn={urn} indicators={recordable} />}
    </section>
  );
}

/** An officer's value for an indicator entered by hand: the input fits the indicator's type. */
function RecordValue({ urn, indicators }: { urn: number; indicators: Indicator[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ indicator: indicators[0]?.key ?? "", value: "", asAt: today(), note: "" });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string>();
  const chosen = indicators.find((i) => i.key === form.indicator);
  const record = useMutation(
    trpc.indicators.recordValue.mutationOptions({
      onSuccess: (r) => {
        setProblems([]);
        setDone(`${chosen?.label ?? "The value"} recorded: ${r.display}.`);
        setForm({ ...form, value: "", note: "" });
        void queryClient.invalidateQueries({ queryKey: trpc.indicators.forSchool.queryKey({ urn }) });
      },
      onError: (e) => (setDone(undefined), setProblems(readProblems(e))),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ urn, ...form, note: form.note || undefined });
  };
  return (
    <form noValidate onSubmit={submit}>
      <h3 className="govuk-heading-s">Record a value</h3>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      <Select
        id="indicator"
        label="Indicator"
        options={indicators.map((i) => ({ value: i.key, label: i.label }))}
        value={form.indicator}
        onChange={(indicator) => setForm({ ...form, indicator, value: "" })}
        error={fieldError(problems, "indicator")}
      />
      <ValueInput
        indicator={chosen}
        value={form.value}
        onChange={(value) => setForm({ ...form, value })}
        error={fieldError(problems, "value")}
      />
      <DateInput
        id="asAt"
        label="As at"
        hint="The date the value describes."
        value={form.asAt}
        onChange={(asAt) => setForm({ ...form, asAt })}
        error={fieldError(problems, "asAt")}
      />
      <Textarea
        id="note"
        label="Note (optional)"
        value={form.note}
        onChange={(note) => setForm({ ...form, note })}
        error={fieldError(problems, "note")}
        rows={2}
      />
      <SubmitButton pending={record.isPending}>Record the value</SubmitButton>
    </form>
  );
}

/** The value's input, fitting the indicator's type: a list for a choice or yes/no, text otherwise. */
function ValueInput({
  indicator,
  value,
  onChange,
  error,
}: {
  indicator: Indicator | undefined;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const options =
    indicator?.kind === "choice"
      ? indicator.options
      : indicator?.kind === "boolean"
        ? [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
          ]
        : undefined;
  if (options)
    return (
      <Select
        id="value"
        label="Value"
        placeholder="Choose a value"
        options={options}
        value={value}
        onChange={onChange}
        error={error}
      />
    );
  return (
    <TextInput
      id="value"
      label={indicator?.unit ? `Value (${indicator.unit})` : "Value"}
      hint={indicator?.kind === "date" ? "For example 2027-03-31 or 31/03/2027." : undefined}
      value={value}
      onChange={onChange}
      error={error}
      width={indicator?.kind === "text" ? undefined : "10"}
    />
  );
}
