import { createMongoAbility, type MongoAbility, type RawRuleOf } from "@casl/ability";
import { permittedFieldsOf } from "@casl/ability/extra";

import type { Action, PolicyDocument, RegisterDefinition, Subject } from "@steward/policy-config";

import { DomainError } from "../errors.ts";
import type { PermissionTarget } from "./subjects.ts";

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
  /** The rules Steward adds from the policy's own limits (`schoolAudienceLimits`), not written in a role. */
  impliedRules: Set<object>;
}

const PLACEHOLDER = /^\$\{(user\.(?:id|schoolUrn|tenantId))\}$/;

/** Replaces `${user.x}` placeholders in a rule's conditions with this user's values (CASL does not). */
function interpolate(value: unknown, values: Record<string, unknown>): unknown {
  if (typeof value === "string") {
    const placeholder = PLACEHOLDER.exec(value)?.[1];
    return placeholder === undefined ? value : values[placeholder];
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, values));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, values)]));
  return value;
}

/** A rule's conditions with this user's values in place of its placeholders. */
function interpolateConditions(
  conditions: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(conditions).map(([k, v]) => [k, interpolate(v, values)]));
}

/**
 * The CASL ability of a user under a policy: the rules of every role they hold,
 * with placeholders filled in from the user and, for a school role, the school
 * it is bound to. Field restrictions are kept on the rules.
 */
export function buildAbility(policy: PolicyDocument, actor: Actor): PolicyAbility {
  const rules: RawRuleOf<StewardAbility>[] = [];
  const ruleRoles = new Map<object, string>();
  const impliedRules = new Set<object>();
  for (const grant of actor.grants) {
    const role = policy.roles.find((r) => r.key === grant.role);
    if (!role) {
      throw new DomainError(
        "unknown-role",
        `The role "${grant.role}" is not in this policy version: give the user one of ${policy.roles.map((r) => r.key).join(", ")}.`,
      );
    }
    if (role.audience === "school" && grant.schoolUrn === undefined) {
      throw new DomainError("invalid-grant", `${role.label} is a school role: it must be given for one school.`);
    }
    if (role.audience === "la" && grant.schoolUrn !== undefined) {
      throw new DomainError("invalid-grant", `${role.label} is an LA role: it is not given for a school.`);
    }
    const values = { "user.id": actor.id, "user.tenantId": actor.tenantId, "user.schoolUrn": grant.schoolUrn };
    for (const rule of role.rules) {
      const raw: RawRuleOf<StewardAbility> = {
        action: rule.action,
        subject: rule.subject,
        ...(rule.conditions ? { conditions: interpolateConditions(rule.conditions, values) } : {}),
        ...(rule.fields ? { fields: rule.fields } : {}),
        ...(rule.inverted ? { inverted: true } : {}),
        ...(rule.reason ? { reason: rule.reason } : {}),
      };
      rules.push(raw);
      ruleRoles.set(raw, role.key);
    }
  }
  for (const role of new Set(actor.grants.map((g) => policy.roles.find((r) => r.key === g.role)))) {
    if (role?.audience !== "school") continue;
    for (const raw of schoolAudienceLimits(policy)) {
      rules.push(raw);
      ruleRoles.set(raw, role.key);
      impliedRules.add(raw);
    }
  }
  const registers = registerAccessRules(policy, actor.grants);
  rules.push(registers.closed, ...registers.allowed.map(({ rule }) => rule));
  impliedRules.add(registers.closed);
  for (const { rule, role } of registers.allowed) ruleRoles.set(rule, role);
  return { ability: createMongoAbility<StewardAbility>(rules), ruleRoles, impliedRules };
}

/**
 * What the policy keeps from school staff, whatever their roles' rules say,
 * as rules added after every school role's own (so they win): categories,
 * stages and letter types not `visibleToSchool`, letters before they are
 * issued, reports not yet published, the LA's own forms, and the minutes of
 * confidential meetings unless the meeting type shares its minutes. Every
 * check, list filter and count reads these through the one ability.
 */
export function schoolAudienceLimits(policy: PolicyDocument): RawRuleOf<StewardAbility>[] {
  const keys = <T extends { key: string }>(items: readonly T[], hidden: (item: T) => boolean) =>
    items.filter(hidden).map((i) => i.key);
  const hiddenCategories = keys(policy.categories, (c) => !c.visibleToSchool);
  const hiddenStages = keys(policy.escalation.stages, (s) => !s.visibleToSchool);
  const hiddenLetterTypes = keys(policy.letterTypes, (l) => !l.visibleToSchool);
  const laForms = keys(policy.forms, (f) => f.audience !== "school");
  const confidentialMinutes = keys(
    policy.meetingTypes,
    (m) => m.confidential && !m.sharing.some((s) => s.content === "minutes"),
  );
  const reason = "The policy keeps this from school staff.";
  const never = (
    subject: Subject,
    conditions: Record<string, unknown>,
    fields?: string[],
  ): RawRuleOf<StewardAbility> => ({
    action: "read",
    subject,
    conditions,
    ...(fields ? { fields } : {}),
    inverted: true,
    reason,
  });
  const all = ["manage"] as const;
  return [
    ...(hiddenCategories.length ? [never("Case", { category: { $in: hiddenCategories } }, ["category"])] : []),
    ...(hiddenStages.length ? [never("Case", { stage: { $in: hiddenStages } }, ["stage"])] : []),
    never("Letter", { status: { $in: ["draft", "approved"] } }),
    ...(hiddenLetterTypes.length ? [never("Letter", { letterType: { $in: hiddenLetterTypes } })] : []),
    never("VisitReport", { published: false }),
    ...(laForms.length
      ? [
          {
            action: [...all],
            subject: "FormResponse",
            conditions: { formKey: { $in: laForms } },
            inverted: true,
            reason,
          } satisfies RawRuleOf<StewardAbility>,
        ]
      : []),
    ...(confidentialMinutes.length ? [never("MeetingMinutes", { meetingType: { $in: confidentialMinutes } })] : []),
  ];
}

/** Each register action and the `access` list of the register that grants it. */
const REGISTER_ACTIONS = [
  ["create", "log"],
  ["read", "read"],
  ["close", "close"],
] as const satisfies readonly (readonly [Action, keyof RegisterDefinition["access"]])[];

/**
 * Who may log, read and close the entries of the policy's registers: the
 * registers' own `access` lists, and nothing else. First a rule that closes
 * every register entry to everyone (so a role's broad rule, such as `read all`,
 * opens none), then, after it so they win, one rule per register, action and
 * role the user holds in its list: `{ register }` for an LA role; for a school
 * role, only when the register is `visibleToSchools`, `{ register, schoolUrn }`
 * bound to the role's own school.
 */
export function registerAccessRules(
  policy: PolicyDocument,
  grants: readonly RoleGrant[],
): { closed: RawRuleOf<StewardAbility>; allowed: { rule: RawRuleOf<StewardAbility>; role: string }[] } {
  const closed: RawRuleOf<StewardAbility> = {
    action: "manage",
    subject: "RegisterEntry",
    inverted: true,
    reason: "Only the roles a register's access lists may log, read or close its entries.",
  };
  const allowed: { rule: RawRuleOf<StewardAbility>; role: string }[] = [];
  for (const register of policy.registers ?? []) {
    for (const [action, list] of REGISTER_ACTIONS) {
      for (const grant of grants) {
        if (!register.access[list].includes(grant.role)) continue;
        const audience = policy.roles.find((r) => r.key === grant.role)?.audience;
        if (audience === "school" && (!register.visibleToSchools || grant.schoolUrn === undefined)) continue;
        const conditions =
          audience === "school" ? { register: register.key, schoolUrn: grant.schoolUrn } : { register: register.key };
        allowed.push({ rule: { action, subject: "RegisterEntry", conditions }, role: grant.role });
      }
    }
  }
  return { closed, allowed };
}

/**
 * Whether the user may act on EVERY record of a subject: an unconditional rule
 * allows it and no rule of higher priority forbids any record. For actions on
 * no one record (importing the register, inviting a user, publishing a
 * policy); a bare subject type in `ability.can` would be allowed by any
 * conditional rule.
 */
export function canOnEvery({ ability }: PolicyAbility, action: Action, subject: Subject): boolean {
  for (const rule of ability.rulesFor(action, subject)) {
    if (rule.inverted) return false;
    if (!rule.conditions && !rule.fields) return true;
  }
  return false;
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
  { ability, ruleRoles, impliedRules }: PolicyAbility,
  policy: PolicyDocument,
  action: Action,
  target: Subject | PermissionTarget,
  field?: string,
): Explanation {
  let rule = ability.relevantRuleFor(action, target, field);
  // Denied by one of the policy's own limits: a role's rule that also forbids it says why in the policy's words.
  if (rule?.inverted && impliedRules.has(rule.origin)) {
    const own = ability
      .rulesFor(action, typeof target === "string" ? target : target.__caslSubjectType__, field)
      .find(
        (r) => r.inverted && !impliedRules.has(r.origin) && (typeof target === "string" || r.matchesConditions(target)),
      );
    if (own) rule = own;
  }
  const allowed = ability.can(action, target, field);
  const subjectName = typeof target === "string" ? target : (target.__caslSubjectType__ ?? "it");
  const what = `${action} ${subjectName}${field ? `.${field}` : ""}`;
  if (!rule) return { allowed, role: undefined, reason: `No role you hold allows you to ${what}.` };
  const roleKey = ruleRoles.get(rule.origin);
  const roleLabel = policy.roles.find((r) => r.key === roleKey)?.label ?? roleKey ?? "a role";
  if (rule.inverted) return { allowed, role: roleKey, reason: rule.reason ?? `${roleLabel} may not ${what}.` };
  return {
    allowed,
    role: roleKey,
    reason: `${roleLabel} may ${what}${rule.conditions ? " (for records matching its conditions)" : ""}.`,
  };
}

/** The fields of a record the ability lets the user act on, given all its fields. */
export function getPermittedFields(
  { ability }: PolicyAbility,
  action: Action,
  target: PermissionTarget,
  allFields: readonly string[],
): string[] {
  return permittedFieldsOf(ability, action, target, { fieldsFrom: (rule) => rule.fields ?? [...allFields] });
}

/**
 * Which side a user is on, from the policy's roles: "la" when they hold any LA
 * role, "school" otherwise (school roles only, or no role at all: the side
 * that sees less). The one place that decides it.
 */
export function audienceOf(policy: PolicyDocument, grants: readonly RoleGrant[]): "la" | "school" {
  return grants.some((g) => policy.roles.find((r) => r.key === g.role)?.audience === "la") ? "la" : "school";
}
