import { createMongoAbility, subject as tagSubject, type MongoAbility, type RawRuleOf } from "@casl/ability";
import { permittedFieldsOf } from "@casl/ability/extra";
import type { Action, PolicyDocument, Subject } from "@steward/policy-config";
import { DomainError } from "../errors.ts";

/** A role held by a user: an LA role, or a school role bound to one school. */
export interface RoleGrant {
  role: string;
  /** Required for a school role, absent for an LA role. */
  schoolUrn?: number | undefined;
}

export interface Actor {
  id: string;
  tenantId: string;
  grants: readonly RoleGrant[];
}

export type StewardAbility = MongoAbility<[Action, Subject | Record<string, unknown>]>;

export interface PolicyAbility {
  ability: StewardAbility;
  /** The role each rule came from (CASL keeps the raw rule as each rule's origin). */
  ruleRoles: Map<object, string>;
}

const PLACEHOLDER = /^\$\{(user\.(?:id|schoolUrn|tenantId))\}$/;

/** Replaces `${user.x}` placeholders in a rule's conditions with this user's values (CASL does not). */
function interpolate(value: unknown, values: Record<string, unknown>): unknown {
  if (typeof value === "string") {
    const match = PLACEHOLDER.exec(value);
    return match ? values[match[1]!] : value;
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, values));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, values)]));
  return value;
}

/**
 * The CASL ability of a user under a policy: the rules of every role they hold,
 * with placeholders filled in from the user and, for a school role, the school
 * it is bound to. Field restrictions are kept on the rules.
 */
export function buildAbility(policy: PolicyDocument, actor: Actor): PolicyAbility {
  const rules: RawRuleOf<StewardAbility>[] = [];
  const ruleRoles = new Map<object, string>();
  for (const grant of actor.grants) {
    const role = policy.roles.find((r) => r.key === grant.role);
    if (!role) {
      throw new DomainError("unknown-role", `The role "${grant.role}" is not in this policy version: give the user one of ${policy.roles.map((r) => r.key).join(", ")}.`);
    }
    if (role.audience === "school" && grant.schoolUrn === undefined) {
      throw new DomainError("invalid-grant", `${role.label} is a school role: it must be given for one school.`);
    }
    if (role.audience === "la" && grant.schoolUrn !== undefined) {
      throw new DomainError("invalid-grant", `${role.label} is an LA role: it is not given for a school.`);
    }
    const values = { "user.id": actor.id, "user.tenantId": actor.tenantId, "user.schoolUrn": grant.schoolUrn };
    for (const rule of role.rules) {
      const raw = {
        action: rule.action,
        subject: rule.subject,
        ...(rule.conditions ? { conditions: interpolate(rule.conditions, values) as Record<string, unknown> } : {}),
        ...(rule.fields ? { fields: rule.fields } : {}),
        ...(rule.inverted ? { inverted: true } : {}),
        ...(rule.reason ? { reason: rule.reason } : {}),
      } as RawRuleOf<StewardAbility>;
      rules.push(raw);
      ruleRoles.set(raw, role.key);
    }
  }
  return { ability: createMongoAbility<StewardAbility>(rules), ruleRoles };
}

/** A record to check permissions on: its subject type and the fields conditions read. */
export function asSubject(type: Subject, record: Record<string, unknown>) {
  return tagSubject(type, { ...record });
}

export interface Explanation {
  allowed: boolean;
  /** The role whose rule decided, if any rule did. */
  role: string | undefined;
  /** The deciding rule's reason, or a sentence saying why. */
  reason: string;
}

/** Whether an action is allowed, and why: which role's rule decided, or that none allows it. */
export function explain(
  { ability, ruleRoles }: PolicyAbility,
  policy: PolicyDocument,
  action: Action,
  target: Subject | ReturnType<typeof asSubject>,
  field?: string,
): Explanation {
  const rule = ability.relevantRuleFor(action, target as never, field);
  const allowed = ability.can(action, target as never, field);
  const subjectName = typeof target === "string" ? target : (target as { __caslSubjectType__?: string }).__caslSubjectType__ ?? "it";
  const what = `${action} ${subjectName}${field ? `.${field}` : ""}`;
  if (!rule) return { allowed, role: undefined, reason: `No role you hold allows you to ${what}.` };
  const roleKey = ruleRoles.get(rule.origin);
  const roleLabel = policy.roles.find((r) => r.key === roleKey)?.label ?? roleKey ?? "a role";
  if (rule.inverted) return { allowed, role: roleKey, reason: rule.reason ?? `${roleLabel} may not ${what}.` };
  return { allowed, role: roleKey, reason: `${roleLabel} may ${what}${rule.conditions ? " (for records matching its conditions)" : ""}.` };
}

/** The fields of a record the ability lets the user act on, given all its fields. */
export function getPermittedFields(
  { ability }: PolicyAbility,
  action: Action,
  target: ReturnType<typeof asSubject>,
  allFields: readonly string[],
): string[] {
  return permittedFieldsOf(ability, action, target as never, { fieldsFrom: (rule) => rule.fields ?? [...allFields] });
}
