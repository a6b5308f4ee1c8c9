import { LabelledField, SelectControl } from "@steward/forms/govuk";
import type { RuleCondition, RuleFact, RuleGroup, RuleNode } from "@steward/policy-config";
import { Select } from "@steward/ui";

import { ConditionValue } from "./condition-value.tsx";
import { kindOf, newCondition, operatorsFor, valueForOperator } from "./operators.ts";

export interface BuilderContext {
  /** The id every control's id starts with. */
  id: string;
  facts: readonly RuleFact[];
  byName: ReadonlyMap<string, RuleFact>;
  disabled: boolean;
  /** Replaces the node at `path` (indexes from the top group), or removes it when `next` is undefined. */
  update: (path: readonly number[], next: RuleNode | undefined) => void;
}

/** The facts as a select's option groups: School, Ofsted, Case, ..., Indicators, Measures. */
function FactOptions({ facts }: { facts: readonly RuleFact[] }) {
  const groups = [...new Set(facts.map((fact) => fact.group))];
  return groups.map((group) => (
    <optgroup key={group} label={group}>
      {facts
        .filter((fact) => fact.group === group)
        .map((fact) => (
          <option key={fact.name} value={fact.name}>
            {fact.label}
          </option>
        ))}
    </optgroup>
  ));
}

const idOf = (base: string, path: readonly number[]) => [base, ...path].join("-");

function ConditionRow(props: {
  condition: RuleCondition;
  path: readonly number[];
  place: string;
  ctx: BuilderContext;
}) {
  const { condition, path, place, ctx } = props;
  const id = idOf(ctx.id, path);
  const fact = ctx.byName.get(condition.fact);
  const set = (next: Partial<RuleCondition>) => ctx.update(path, { ...condition, ...next });
  return (
    <fieldset className="govuk-fieldset steward-rule-condition" disabled={ctx.disabled}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Condition {place}</legend>
      <LabelledField id={`${id}-fact`} label="Fact" hasError={false} hint={null} error={null}>
        <SelectControl
          id={`${id}-fact`}
          value={condition.fact}
          hasError={false}
          onChange={(event) => ctx.update(path, newCondition(ctx.byName.get(event.target.value)))}
        >
          <FactOptions facts={ctx.facts} />
        </SelectControl>
      </LabelledField>
      <Select
        id={`${id}-operator`}
        label="Operator"
        value={condition.operator}
        options={operatorsFor(kindOf(fact), condition.operator).map(([value, label]) => ({ value, label }))}
        onChange={(text) => {
          const operator = operatorsFor(kindOf(fact), condition.operator).find(([op]) => op === text)?.[0];
          if (operator) set({ operator, value: valueForOperator(condition.value, operator) });
        }}
      />
      <ConditionValue
        id={`${id}-value`}
        fact={fact}
        operator={condition.operator}
        value={condition.value}
        onChange={(value) => set({ value })}
      />
      <button
        type="button"
        className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
        onClick={() => ctx.update(path, undefined)}
      >
        Remove condition {place}
      </button>
    </fieldset>
  );
}

/** An "all of" / "any of" group of conditions and groups, each removable, with buttons to add more. */
export function GroupEditor(props: { group: RuleGroup; path: readonly number[]; place: string; ctx: BuilderContext }) {
  const { group, path, place, ctx } = props;
  const id = idOf(ctx.id, path);
  const top = path.length === 0;
  const add = (node: RuleNode) => ctx.update(path, { ...group, children: [...group.children, node] });
  const first = ctx.facts[0];
  return (
    <fieldset className="govuk-fieldset steward-rule-group" disabled={ctx.disabled}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        {top ? "Conditions" : `Group ${place}`}
      </legend>
      <Select
        id={`${id}-combinator`}
        label={top ? "The rule holds when" : `Group ${place} holds when`}
        value={group.combinator}
        options={[
          { value: "and", label: "all of these hold" },
          { value: "or", label: "any of these hold" },
        ]}
        onChange={(text) => ctx.update(path, { ...group, combinator: text === "or" ? "or" : "and" })}
      />
      <ol className="govuk-list steward-rule-items">
        {group.children.map((child, i) => {
          const childPlace = top ? String(i + 1) : `${place}.${i + 1}`;
          return (
            <li key={`${i}-${child.kind}`}>
              {child.kind === "group" ? (
                <GroupEditor group={child} path={[...path, i]} place={childPlace} ctx={ctx} />
              ) : (
                <ConditionRow condition={child} path={[...path, i]} place={childPlace} ctx={ctx} />
              )}
            </li>
          );
        })}
      </ol>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => add(newCondition(first))}>
          Add a condition{top ? "" : ` to group ${place}`}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => add({ kind: "group", combinator: "or", children: [newCondition(first)] })}
        >
          Add a group{top ? "" : ` to group ${place}`}
        </button>
        {!top && (
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            onClick={() => ctx.update(path, undefined)}
          >
            Remove group {place}
          </button>
        )}
      </div>
    </fieldset>
  );
}
