import type { FieldProps } from "@rjsf/utils";
import { useMemo, useState } from "react";

import {
  formatRuleTree,
  listRuleFacts,
  parseRuleTree,
  ruleInWords,
  type ParsedRule,
  type RuleFact,
  type RuleGroup,
  type RuleNode,
} from "@steward/policy-config";

import { useStudio } from "../../studio-context.ts";
import { replaceAt, unofferedFacts } from "./operators.ts";
import { GroupEditor, type BuilderContext } from "./rule-builder.tsx";
import { RuleJson } from "./rule-json.tsx";
import { RuleTester } from "./rule-tester.tsx";

const EMPTY: RuleGroup = { kind: "group", combinator: "and", children: [] };

/** The rule as the builder shows it, or why it cannot: a shape it has no rows for, or a fact it does not offer here. */
function readRule(rule: unknown, byName: ReadonlyMap<string, RuleFact>): ParsedRule {
  if (rule === undefined) return { ok: true, tree: EMPTY };
  const parsed = parseRuleTree(rule);
  if (!parsed.ok) return parsed;
  const [unknown] = unofferedFacts(parsed.tree, byName);
  return unknown === undefined
    ? parsed
    : {
        ok: false,
        reason: `It reads "${unknown}", which the builder does not offer for a trigger's or transition's rule.`,
      };
}

/**
 * A JsonLogic rule (`"x-steward-editor": "rule"`): "all of / any of" groups of "fact, operator, value" rows over
 * the facts the policy offers, its reading in plain English, and a test against a school. A rule the builder
 * cannot show is edited as JSON, with a sentence saying why. The builder writes only when a row is changed, so an
 * unedited rule is saved exactly as it was.
 */
export function RuleField(props: FieldProps<unknown>) {
  const { fieldPathId, formData, onChange, disabled, readonly } = props;
  const studio = useStudio();
  const facts = useMemo(() => listRuleFacts(studio.doc), [studio.doc]);
  const byName = useMemo(() => new Map(facts.map((fact) => [fact.name, fact])), [facts]);
  const [asJson, setAsJson] = useState(false);
  const parsed = useMemo(() => readRule(formData, byName), [formData, byName]);
  const id = fieldPathId.$id;
  const locked = Boolean(disabled || readonly || studio.readonly);
  const write = (tree: RuleGroup) =>
    onChange(tree.children.length > 0 ? formatRuleTree(tree) : undefined, fieldPathId.path);
  const ctx: BuilderContext | undefined = parsed.ok
    ? {
        id,
        facts,
        byName,
        disabled: locked,
        update: (path: readonly number[], next: RuleNode | undefined) => write(replaceAt(parsed.tree, path, next)),
      }
    : undefined;
  return (
    <div className="steward-rule" id={id}>
      <div className="govuk-inset-text" aria-live="polite" id={`${id}-words`}>
        <span className="govuk-!-font-weight-bold">In words: </span>
        {formData === undefined ? "No rule yet: add a condition." : ruleInWords(formData, facts)}
      </div>
      {ctx && !asJson ? (
        <GroupEditor group={parsed.ok ? parsed.tree : EMPTY} path={[]} place="" ctx={ctx} />
      ) : (
        <RuleJson
          id={`${id}-json`}
          value={formData}
          reason={parsed.ok ? undefined : `The builder cannot show this rule. ${parsed.reason} Edit it as JSON.`}
          disabled={locked}
          onChange={(value) => onChange(value, fieldPathId.path)}
        />
      )}
      {parsed.ok && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAsJson(!asJson)}>
          {asJson ? "Edit with the rule builder" : "Edit as JSON"}
        </button>
      )}
      <RuleTester id={id} versionId={studio.versionId} rule={formData} byName={byName} />
    </div>
  );
}
