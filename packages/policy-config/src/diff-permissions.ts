/**
 * Permission rules in words, and what each role gains or loses between two
 * versions of a policy: "Headteacher may no longer read Visit report (their
 * school's, published only)". Names come from the vocabulary (subjects and
 * actions) and the policy's own labels (letter types, forms, ...).
 */
import { entriesOf, fieldOf } from "./json.ts";
import {
  asList,
  describeActions,
  describeConditions,
  fieldLabel,
  subjectLabel,
  type LooseDocument,
} from "./permission-words.ts";
import type { Rule } from "./schema/policy.ts";

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

/** A rule's conditions, whose scope ("own school only") first, then by field: the same words whatever the stored order. */
function conditionsInOrder(rule: Rule): Record<string, unknown> {
  const scoped = (value: unknown) => (typeof value === "string" && value.startsWith("${") ? 0 : 1);
  return Object.fromEntries(
    entriesOf(typeof rule.conditions === "object" ? rule.conditions : {}).sort(
      ([a, x], [b, y]) => scoped(x) - scoped(y) || a.localeCompare(b),
    ),
  );
}

const asDocument = (doc: unknown): LooseDocument =>
  typeof doc === "object" && doc !== null && !Array.isArray(doc) ? Object.fromEntries(entriesOf(doc)) : {};

/**
 * A permission rule as phrases, one per action and subject, in the words of `permission-words.ts`: "read Visit
 * report (own school only, published only)", "not read Meeting minutes (own school only)" for a rule that forbids.
 */
function permissionPhrases(rule: Rule, doc: unknown): string[] {
  const document = asDocument(doc);
  const words = [
    ...describeConditions(document, conditionsInOrder(rule)),
    ...(rule.fields ? [`only its ${rule.fields.map(fieldLabel).join(", ")}`] : []),
  ];
  const suffix = words.length > 0 ? ` (${words.join(", ")})` : "";
  return asList(rule.action).flatMap((action) =>
    asList(rule.subject).map(
      (subject) => `${rule.inverted ? "not " : ""}${describeActions([action])} ${subjectLabel(subject)}${suffix}`,
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
    const had = new Set((oldRoles[oldIndex]?.rules ?? []).flatMap((r) => permissionPhrases(r, before)));
    const has = new Set((newRoles[newIndex]?.rules ?? []).flatMap((r) => permissionPhrases(r, after)));
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
