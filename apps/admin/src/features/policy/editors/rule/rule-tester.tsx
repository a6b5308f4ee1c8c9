import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import type { RuleFact } from "@steward/policy-config";
import { Loading, QueryError, Select, Tag, TextInput, useTRPC } from "@steward/ui";

interface RuleTesterProps {
  id: string;
  versionId: string;
  rule: unknown;
  byName: ReadonlyMap<string, RuleFact>;
}

/** A school's value of a fact as a person reads it: the value's label, yes or no, or "not known". */
function valueWords(json: string | null, fact: RuleFact | undefined): string {
  if (json === null) return "Not shown to you";
  const value: unknown = JSON.parse(json);
  if (value === null || value === undefined) return "Not known";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return fact?.values?.find((v) => v.value === value)?.label ?? value;
  return typeof value === "number" ? String(value) : json;
}

const isRule = (rule: unknown): rule is Record<string, unknown> =>
  rule !== null && typeof rule === "object" && !Array.isArray(rule) && Object.keys(rule).length === 1;

function Verdict({ holds, school }: { holds: boolean | null; school: string }) {
  if (holds === null)
    return (
      <p className="govuk-body">
        <Tag colour="grey">Cannot tell</Tag> whether the rule holds for {school} today.
      </p>
    );
  return (
    <p className="govuk-body">
      <Tag colour={holds ? "green" : "red"}>{holds ? "Holds" : "Does not hold"}</Tag> for {school} today.
    </p>
  );
}

function TestResult(
  props: { versionId: string; rule: Record<string, unknown>; urn: number } & Pick<RuleTesterProps, "byName">,
) {
  const { versionId, rule, urn, byName } = props;
  const trpc = useTRPC();
  const result = useQuery(trpc.policy.testRule.queryOptions({ versionId, rule, urn }, { staleTime: 0 }));
  if (result.isPending) return <Loading what="Testing the rule" />;
  if (result.isError) return <QueryError error={result.error} title="The rule could not be tested" />;
  const { school, holds, conditions, note } = result.data;
  return (
    <div aria-live="polite">
      <Verdict holds={holds} school={school.name} />
      {note && <p className="govuk-body">{note}</p>}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Each condition at {school.name}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Condition
            </th>
            <th scope="col" className="govuk-table__header">
              The school's value
            </th>
            <th scope="col" className="govuk-table__header">
              Holds
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {conditions.map((c, i) => (
            <tr className="govuk-table__row" key={i}>
              <td className="govuk-table__cell">{c.words}</td>
              <td className="govuk-table__cell">{valueWords(c.value, c.fact ? byName.get(c.fact) : undefined)}</td>
              <td className="govuk-table__cell">{c.holds === null ? "Not shown" : c.holds ? "Yes" : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Test this rule against a school": find a school by name or URN, and see whether the rule holds there today. */
export function RuleTester({ id, versionId, rule, byName }: RuleTesterProps) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [asked, setAsked] = useState<string>();
  const [urn, setUrn] = useState("");
  const [tested, setTested] = useState<number>();
  const schools = useQuery({
    ...trpc.schools.list.queryOptions({ search: asked ?? "", limit: 20 }),
    enabled: asked !== undefined,
  });
  const find = () => {
    setAsked(search.trim());
    setUrn("");
  };
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Test this rule against a school</span>
      </summary>
      <div className="govuk-details__text">
        <div
          onKeyDown={(event) => {
            // Enter searches here, instead of submitting the whole policy form around it.
            if (event.key === "Enter") {
              event.preventDefault();
              find();
            }
          }}
        >
          <TextInput id={`${id}-school-search`} label="School name or URN" value={search} onChange={setSearch} />
        </div>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={find}>
          Find schools
        </button>
        {schools.isError && <QueryError error={schools.error} />}
        {schools.data && schools.data.items.length === 0 && <p className="govuk-body">No school matches “{asked}”.</p>}
        {schools.data && schools.data.items.length > 0 && (
          <>
            <Select
              id={`${id}-school`}
              label="School"
              placeholder="Choose a school"
              value={urn}
              options={schools.data.items.map((s) => ({ value: String(s.urn), label: `${s.name} (URN ${s.urn})` }))}
              onChange={setUrn}
            />
            <button
              type="button"
              className="govuk-button"
              disabled={urn === "" || !isRule(rule)}
              onClick={() => setTested(Number(urn))}
            >
              Test this rule
            </button>
          </>
        )}
        {/* Once tested, the result follows the rule as it is edited. */}
        {tested !== undefined && isRule(rule) && (
          <TestResult versionId={versionId} rule={rule} urn={tested} byName={byName} />
        )}
      </div>
    </details>
  );
}
