/**
 * Permission rules in words, and what each role gains or loses between two
 * versions of a policy: "Headteacher may no longer read Visit report (their
 * school's, published only)". Names come from the vocabulary (subjects and
 * actions) and the policy's own labels (letter types, forms, ...).
 */
import { entriesOf, fieldOf } from "./json.ts";
import type { Rule } from "./schema/policy.ts";
import type { USER_PLACEHOLDERS } from "./vocabulary.ts";

/** One thing a role gained or lost, in a sentence. */
export interface PermissionChange {
  role: string;
  roleLabel: string;
  /** Where the role is: in the new version (in the old one when the role is gone). */
  roleIndex: number;
  change: "gained" | "lost";
  /** The permission alone: "read Visit report (published only)", "not read Meeting minutes". */
  permission: string;
  sentence: string;
}

/** Condition fields that hold a key of the policy, and where the policy labels it. */
const KEYED_FIELDS: Record<string, { list: (doc: unknown) => unknown; label: "label" | "title" }> = {
  letterType: { list: (doc) => fieldOf(doc, "letterTypes"), label: "label" },
  visitType: { list: (doc) => fieldOf(doc, "visitTypes"), label: "label" },
  meetingType: { list: (doc) => fieldOf(doc, "meetingTypes"), label: "label" },
  formKey: { list: (doc) => fieldOf(doc, "forms"), label: "title" },
  register: { list: (doc) => fieldOf(doc, "registers"), label: "label" },
  category: { list: (doc) => fieldOf(doc, "categories"), label: "label" },
  stage: { list: (doc) => fieldOf(fieldOf(doc, "escalation"), "stages"), label: "label" },
};

const PLACEHOLDER_WORDS: Record<(typeof USER_PLACEHOLDERS)[number], string> = {
  "user.id": "their own",
  "user.schoolUrn": "their school's",
  "user.tenantId": "their authority's",
};

function isPlaceholder(name: string): name is keyof typeof PLACEHOLDER_WORDS {
  return name in PLACEHOLDER_WORDS;
}

/** "VisitReport" as people say it: "Visit report"; "all" is "everything". */
function describeSubject(subject: string): string {
  if (subject === "all") return "everything";
  const words = subject.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "school.district" and "assignedOfficerId" as words: "school district", "assigned officer id". */
function describeField(field: string): string {
  return field
    .replace(/\./g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** A value a condition compares with, named by the policy's label where it is one of its keys. */
function describeValue(doc: unknown, field: string, value: unknown): string {
  if (typeof value === "string") {
    const placeholder = /^\$\{(.+)\}$/.exec(value)?.[1];
    if (placeholder && isPlaceholder(placeholder)) return PLACEHOLDER_WORDS[placeholder];
    const keyed = KEYED_FIELDS[field];
    const list = keyed?.list(doc);
    const item: unknown = Array.isArray(list) ? list.find((x: unknown) => fieldOf(x, "key") === value) : undefined;
    const label = keyed ? fieldOf(item, keyed.label) : undefined;
    return typeof label === "string" ? label : value;
  }
  return JSON.stringify(value);
}

function listOf(doc: unknown, field: string, values: unknown): string {
  const items = Array.isArray(values) ? values : [values];
  return items.map((v) => describeValue(doc, field, v)).join(" or ");
}

/** One condition in words: "published only", "their school's", "issued or acknowledged only", "not draft". */
function describeCondition(doc: unknown, field: string, value: unknown): string {
  if (value === true) return `${describeField(field)} only`;
  if (value === false) return `not ${describeField(field)}`;
  if (typeof value === "string" && value.startsWith("${")) return describeValue(doc, field, value);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const [operator, operand] = entriesOf(value)[0] ?? [];
    if (operator === "$in") return `${listOf(doc, field, operand)} only`;
    if (operator === "$nin" || operator === "$ne") return `not ${listOf(doc, field, operand)}`;
    return `${describeField(field)} ${JSON.stringify(value)}`;
  }
  const known = field in KEYED_FIELDS || field === "status";
  return known
    ? `${describeValue(doc, field, value)} only`
    : `${describeField(field)} ${describeValue(doc, field, value)}`;
}

/** A rule's conditions, whose scope ("their school's") first, then by field: the same words whatever the stored order. */
function conditionsInOrder(rule: Rule): [string, unknown][] {
  const scoped = (value: unknown) => (typeof value === "string" && value.startsWith("${") ? 0 : 1);
  return entriesOf(typeof rule.conditions === "object" ? rule.conditions : {}).sort(
    ([a, x], [b, y]) => scoped(x) - scoped(y) || a.localeCompare(b),
  );
}

function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * A permission rule in words, one phrase per action and subject: "read Visit
 * report (their school's, published only)", "not read Meeting minutes
 * (their school's)" for a rule that forbids. `doc` names the policy's keys.
 */
export function describeRule(rule: Rule, doc: unknown): string[] {
  const qualifiers = [
    ...conditionsInOrder(rule).map(([field, value]) => describeCondition(doc, field, value)),
    ...(rule.fields ? [`only its ${rule.fields.map(describeField).join(", ")}`] : []),
  ];
  const suffix = qualifiers.length > 0 ? ` (${qualifiers.join(", ")})` : "";
  return asList(rule.action).flatMap((action) =>
    asList(rule.subject).map(
      (subject) => `${rule.inverted ? "not " : ""}${action} ${describeSubject(subject)}${suffix}`,
    ),
  );
}

interface RoleLike {
  key: string;
  label: string;
  rules: Rule[];
}

const isNames = (value: unknown): boolean =>
  typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"));

/** A rule as far as words need it (a draft mid-edit may hold anything: what is not a rule is left out). */
function isRule(value: unknown): value is Rule {
  return isNames(fieldOf(value, "action")) && isNames(fieldOf(value, "subject"));
}

function rolesOf(doc: unknown): RoleLike[] {
  const roles = fieldOf(doc, "roles");
  if (!Array.isArray(roles)) return [];
  return roles.flatMap((role: unknown) => {
    const key = fieldOf(role, "key");
    const label = fieldOf(role, "label");
    const rules = fieldOf(role, "rules");
    if (typeof key !== "string") return [];
    return [
      {
        key,
        label: typeof label === "string" ? label : key,
        rules: Array.isArray(rules) ? rules.filter(isRule) : [],
      },
    ];
  });
}

function sentenceOf(label: string, change: "gained" | "lost", permission: string): string {
  const forbids = permission.startsWith("not ");
  const what = forbids ? permission.slice(4) : permission;
  if (forbids) return `${label} is ${change === "gained" ? "now" : "no longer"} forbidden to ${what}`;
  return `${label} may ${change === "gained" ? "now" : "no longer"} ${what}`;
}

/** What each role may do in one version and not the other, as sentences, role by role in the new order. */
export function diffPermissions(before: unknown, after: unknown): PermissionChange[] {
  const oldRoles = rolesOf(before);
  const newRoles = rolesOf(after);
  const keys = [...new Set([...newRoles.map((r) => r.key), ...oldRoles.map((r) => r.key)])];
  return keys.flatMap((key) => {
    const oldIndex = oldRoles.findIndex((r) => r.key === key);
    const newIndex = newRoles.findIndex((r) => r.key === key);
    const role = newRoles[newIndex] ?? oldRoles[oldIndex];
    if (!role) return [];
    const had = new Set((oldRoles[oldIndex]?.rules ?? []).flatMap((r) => describeRule(r, before)));
    const has = new Set((newRoles[newIndex]?.rules ?? []).flatMap((r) => describeRule(r, after)));
    const roleIndex = newIndex >= 0 ? newIndex : oldIndex;
    const changes = (change: "gained" | "lost", from: Set<string>, to: Set<string>) =>
      [...from]
        .filter((p) => !to.has(p))
        .map((permission) => ({
          role: key,
          roleLabel: role.label,
          roleIndex,
          change,
          permission,
          sentence: sentenceOf(role.label, change, permission),
        }));
    return [...changes("lost", had, has), ...changes("gained", has, had)];
  });
}
