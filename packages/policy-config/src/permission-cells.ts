/**
 * One cell of the permissions matrix (a role and a subject) as the rules that
 * name that subject, and back. Reading a cell never changes a rule; writing
 * one rewrites only the rules that name its subject, in place, so every other
 * rule keeps its order and its keys' order.
 */
import { asList, fieldLabel, KEY_FIELD_LISTS, keyedItemsOf, type LooseDocument } from "./permission-words.ts";
import type { Rule } from "./schema/policy.ts";
import { SUBJECT_FIELDS, type Action, type Subject, type SubjectField } from "./vocabulary.ts";

/** What one rule says about one subject: its actions and limits. `ruleIndex` is the rule it came from (none: new). */
export interface Grant {
  ruleIndex?: number | undefined;
  actions: Action[];
  conditions?: Record<string, unknown> | undefined;
  fields?: string[] | undefined;
  inverted?: boolean | undefined;
  reason?: string | undefined;
}

/** The grants of a role's rules for one subject, in the rules' order (later rules win). */
export function grantsFor(rules: readonly Rule[], subject: Subject): Grant[] {
  return rules.flatMap((rule, ruleIndex) =>
    asList(rule.subject).includes(subject)
      ? [
          {
            ruleIndex,
            actions: asList(rule.action),
            conditions: rule.conditions,
            fields: rule.fields,
            inverted: rule.inverted,
            reason: rule.reason,
          },
        ]
      : [],
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether a grant says what its rule said about the subject (then the rule stays exactly as written). */
function isUnchanged(rule: Rule, grant: Grant): boolean {
  return (
    same(asList(rule.action), grant.actions) &&
    same(rule.conditions, grant.conditions) &&
    same(rule.fields, grant.fields) &&
    Boolean(rule.inverted) === Boolean(grant.inverted) &&
    (rule.reason ?? "") === (grant.reason ?? "")
  );
}

const hasKeys = (value: Record<string, unknown> | undefined) => value !== undefined && Object.keys(value).length > 0;

/** A rule for one subject from a grant, in the rules' usual key order; empty limits are left out. */
function ruleOf(subject: Subject, grant: Grant): Rule {
  const [only] = grant.actions;
  return {
    action: grant.actions.length === 1 && only ? only : grant.actions,
    subject,
    ...(hasKeys(grant.conditions) ? { conditions: grant.conditions } : {}),
    ...(grant.fields?.length ? { fields: grant.fields } : {}),
    ...(grant.inverted ? { inverted: true } : {}),
    ...(grant.inverted && grant.reason ? { reason: grant.reason } : {}),
  };
}

/** A rule naming several subjects, without one of them (the rest keep their order). */
function withoutSubject(rule: Rule, subject: Subject): Rule {
  const rest = asList(rule.subject).filter((s) => s !== subject);
  return { ...rule, subject: rest.length === 1 && rest[0] ? rest[0] : rest };
}

/**
 * The role's rules with one subject's grants replaced. A rule only about the subject becomes its edited grant
 * (or goes, when its grant has no action left); a rule about several keeps the others and is followed by the
 * subject's own. Grants without a rule are added at the end. Unchanged grants leave their rules as they were.
 */
export function replaceGrants(rules: readonly Rule[], subject: Subject, grants: readonly Grant[]): Rule[] {
  const edited = new Map(grants.flatMap((g) => (g.ruleIndex === undefined ? [] : [[g.ruleIndex, g] as const])));
  const result = rules.flatMap((rule, index): Rule[] => {
    if (!asList(rule.subject).includes(subject)) return [rule];
    const grant = edited.get(index);
    if (grant && isUnchanged(rule, grant)) return [rule];
    const replacement = grant && grant.actions.length > 0 ? [ruleOf(subject, grant)] : [];
    return asList(rule.subject).length === 1 ? replacement : [withoutSubject(rule, subject), ...replacement];
  });
  const added = grants.filter((g) => g.ruleIndex === undefined && g.actions.length > 0);
  return [...result, ...added.map((g) => ruleOf(subject, g))];
}

/** How a grant reads in the matrix: "yes", "yes, with conditions" or "never". */
export function grantKind(grant: Grant): "yes" | "conditional" | "never" {
  if (grant.inverted) return "never";
  return hasKeys(grant.conditions) || grant.fields?.length ? "conditional" : "yes";
}

/**
 * A condition a person chooses without writing a query: a tick (own school only, assigned to them only, published
 * only) or some of a closed list (these statuses, these meeting types). Made from the subject's vocabulary fields.
 */
export type ConditionChoice =
  | { kind: "tick"; field: string; value: unknown; label: string }
  | { kind: "some"; field: string; label: string; options: { key: string; label: string }[] };

function choiceFor(doc: LooseDocument, field: string, spec: SubjectField): ConditionChoice | undefined {
  if (field === "schoolUrn") return { kind: "tick", field, value: "${user.schoolUrn}", label: "Own school only" };
  if (field in USER_ID_FIELDS) return { kind: "tick", field, value: "${user.id}", label: USER_ID_FIELDS[field] ?? "" };
  if (spec.type === "boolean")
    return { kind: "tick", field, value: true, label: `${capitalise(fieldLabel(field))} only` };
  const label = `Only these ${KEY_FIELD_LISTS[field]?.noun ?? `${fieldLabel(field)}es`}`;
  if (spec.values) return { kind: "some", field, label, options: spec.values.map((v) => ({ key: v, label: v })) };
  if (KEY_FIELD_LISTS[field]) return { kind: "some", field, label, options: keyedItemsOf(doc, field) };
  return undefined;
}

const USER_ID_FIELDS: Readonly<Record<string, string>> = {
  assignedOfficerId: "Assigned to them only",
  recipientId: "Addressed to them only",
  actorId: "Done by them only",
  id: "Themself only",
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The conditions a person may choose for a subject, from its vocabulary fields and the policy's lists. */
export function conditionChoices(doc: LooseDocument, subject: Subject): ConditionChoice[] {
  const fields: Record<string, SubjectField> = SUBJECT_FIELDS[subject];
  return Object.entries(fields).flatMap(([field, spec]) => {
    const choice = choiceFor(doc, field, spec);
    return choice ? [choice] : [];
  });
}

/**
 * What a choice reads in a condition's value: a tick's true or false, the keys chosen, or undefined when the value
 * says something the choice cannot (it is then shown in words and kept as written).
 */
export function readChoice(choice: ConditionChoice, value: unknown): boolean | string[] | undefined {
  if (choice.kind === "tick") return value === undefined ? false : same(value, choice.value) ? true : undefined;
  if (value === undefined) return [];
  const known = (v: unknown): v is string => choice.options.some((o) => o.key === v);
  if (known(value)) return [value];
  if (value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1) {
    const list: unknown = (value as { $in?: unknown }).$in;
    if (Array.isArray(list) && list.every(known)) return list;
  }
  return undefined;
}

/** A choice's answer as a condition value, or undefined to leave the field out. */
export function writeChoice(choice: ConditionChoice, answer: boolean | string[]): unknown {
  if (choice.kind === "tick") return answer === true ? choice.value : undefined;
  const keys = Array.isArray(answer) ? answer : [];
  return keys.length === 0 ? undefined : keys.length === 1 ? keys[0] : { $in: keys };
}

/** Conditions with some fields set (or left out: undefined), each field keeping its place; new ones at the end. */
export function setConditions(
  conditions: Record<string, unknown> | undefined,
  updates: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const result: Record<string, unknown> = {};
  for (const [field, value] of Object.entries({ ...conditions, ...updates })) {
    const next = field in updates ? updates[field] : value;
    if (next !== undefined) result[field] = next;
  }
  return Object.keys(result).length ? result : undefined;
}
