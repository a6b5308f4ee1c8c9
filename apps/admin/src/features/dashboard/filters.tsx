/** The dashboard's filter form: its values start from the address and are applied to it on submit. */
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import { Checkboxes, humanise, Select, SubmitButton, TextInput, type RouterOutputs } from "@steward/ui";

import { GOVERNANCE, PHASES } from "../../lib/vocabulary.ts";
import type { DashboardFilter, SetFilter } from "./dashboard-filter.ts";

type Summary = RouterOutputs["cases"]["summary"];
type Officers = RouterOutputs["users"]["list"];
type FormValues = Record<"search" | "category" | "stage" | "phase" | "governance" | "officerId" | "sort", string>;

const SORTS = [
  { value: "", label: "School name" },
  { value: "next-visit", label: "Next visit due" },
  { value: "category", label: "Category" },
  { value: "stage", label: "Stage" },
];

function initialValues(filter: DashboardFilter): FormValues {
  return {
    search: filter.search ?? "",
    category: filter.category ?? "",
    stage: filter.stage ?? "",
    phase: filter.phase ?? "",
    governance: filter.governance ?? "",
    officerId: filter.officerId ?? "",
    sort: filter.sort ?? "",
  };
}

export function Filters({
  filter,
  summary,
  officers,
  setFilter,
}: {
  filter: DashboardFilter;
  summary?: Summary | undefined;
  officers?: Officers | undefined;
  setFilter: SetFilter;
}) {
  const [values, setValues] = useState(() => initialValues(filter));
  const [mine, setMine] = useState<string[]>(filter.mine ? ["mine"] : []);
  const set = (key: keyof FormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const { sort, ...rest } = values;
    setFilter({ ...rest, search: values.search.trim(), mine: mine.length ? "1" : undefined, sort });
  };
  return (
    <form noValidate onSubmit={apply} className="steward-filters" aria-labelledby="filters-heading">
      <h2 className="govuk-heading-m" id="filters-heading">
        Filter cases
      </h2>
      <TextInput
        id="search"
        label="School name or URN"
        value={values.search}
        onChange={set("search")}
        inputMode="search"
      />
      <Checkboxes
        id="mine"
        label="Caseload"
        small
        options={[{ value: "mine", label: "Only my caseload" }]}
        values={mine}
        onChange={setMine}
      />
      <FilterSelects values={values} set={set} summary={summary} officers={officers} />
      <Select id="sort" label="Sort by" value={values.sort} onChange={set("sort")} options={SORTS} />
      <div className="govuk-button-group">
        <SubmitButton>Apply filters</SubmitButton>
        <Link className="govuk-link" to="/dashboard">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

function FilterSelects({
  values,
  set,
  summary,
  officers,
}: {
  values: FormValues;
  set: (key: keyof FormValues) => (value: string) => void;
  summary?: Summary | undefined;
  officers?: Officers | undefined;
}) {
  return (
    <>
      <Select
        id="category"
        label="Category"
        value={values.category}
        onChange={set("category")}
        placeholder="Any category"
        options={(summary?.byCategory ?? []).map((c) => ({ value: c.key, label: c.label }))}
      />
      <Select
        id="stage"
        label="Escalation stage"
        value={values.stage}
        onChange={set("stage")}
        placeholder="Any stage"
        options={(summary?.byStage ?? []).map((s) => ({ value: s.key, label: s.label }))}
      />
      <Select
        id="phase"
        label="Phase"
        value={values.phase}
        onChange={set("phase")}
        placeholder="Any phase"
        options={PHASES.map((p) => ({ value: p, label: humanise(p) }))}
      />
      <Select
        id="governance"
        label="Governance"
        value={values.governance}
        onChange={set("governance")}
        placeholder="Any governance"
        options={GOVERNANCE.map((g) => ({ value: g.value, label: g.label }))}
      />
      {officers && (
        <Select
          id="officerId"
          label="Officer"
          value={values.officerId}
          onChange={set("officerId")}
          placeholder="Any officer"
          options={officers.map((o) => ({ value: o.id, label: o.displayName }))}
        />
      )}
    </>
  );
}
