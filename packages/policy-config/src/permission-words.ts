/**
 * Permission rules in words: what a role may see and do, as sentences a
 * policy administrator reads ("Headteacher may read Visit report (own school
 * only, published only)"), from the rules and the policy's own labels. Pure:
 * the studio's matrix and its explanations both read it.
 */
import type { Rule } from "./schema/policy.ts";
import { EXTRA_READABLE_FIELDS, SUBJECT_FIELDS, type Action, type Subject } from "./vocabulary.ts";

/** A document as the studio holds it (a draft may be out of shape): only read defensively. */
export type LooseDocument = Record<string, unknown>;

/** A rule's actions or subjects as a list (CASL takes one or a list). */
export const asList = <T>(value: T | readonly T[]): T[] => (Array.isArray(value) ? [...(value as T[])] : [value as T]);

/** "VisitReport" as "Visit report", "all" as "everything". */
export function subjectLabel(subject: string): string {
  if (subject === "all") return "everything";
  const words = subject.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The subjects in groups a person scans together, every subject of the vocabulary once. */
export const SUBJECT_GROUPS: readonly { label: string; subjects: readonly Subject[] }[] = [
  { label: "Schools and cases", subjects: ["School", "Case", "Assessment", "Action"] },
  { label: "Visits and meetings", subjects: ["Visit", "VisitReport", "Meeting", "MeetingMinutes", "MeetingKeyPoints"] },
  { label: "Letters, forms and registers", subjects: ["Letter", "FormResponse", "RegisterEntry"] },
  { label: "Administration", subjects: ["Policy", "User", "AuditLog", "Message", "all"] },
];

/**
 * The policy list whose keys a subject field holds (`meetingType` holds a meeting type's key), for labels and for
 * choosing some of them. By the vocabulary's field names, never by a policy's content.
 */
export const KEY_FIELD_LISTS: Readonly<Record<string, { path: readonly string[]; noun: string }>> = {
  meetingType: { path: ["meetingTypes"], noun: "meeting types" },
  letterType: { path: ["letterTypes"], noun: "letter types" },
  visitType: { path: ["visitTypes"], noun: "visit types" },
  formKey: { path: ["forms"], noun: "forms" },
  register: { path: ["registers"], noun: "registers" },
  category: { path: ["categories"], noun: "categories" },
  stage: { path: ["escalation", "stages"], noun: "stages" },
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The keys and labels of the policy's list a key field names (`meetingType`: the meeting types). */
export function keyedItemsOf(doc: LooseDocument, field: string): { key: string; label: string }[] {
  const list = KEY_FIELD_LISTS[field];
  if (!list) return [];
  const items = list.path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), doc);
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) =>
    isRecord(item) && typeof item.key === "string"
      ? [{ key: item.key, label: typeof item.label === "string" ? item.label : item.key }]
      : [],
  );
}

const orList = (items: readonly string[], joiner = "or") =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${joiner} ${items.at(-1) ?? ""}`;

/** "assignedOfficerId" as "assigned officer", "school.district" as "school's district". */
export function fieldLabel(field: string): string {
  if (field.startsWith("school.")) return `school's ${fieldLabel(field.slice("school.".length))}`;
  return field
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/ id$/, "")
    .replace(/\burn$/, "URN");
}

/** What a `${user.id}` condition on a field means, in words. */
const USER_ID_WORDS: Readonly<Record<string, string>> = {
  assignedOfficerId: "assigned to them only",
  recipientId: "addressed to them only",
  actorId: "done by them only",
  id: "themself only",
};

/** A value as words: a policy key as its label. */
function valueWords(doc: LooseDocument, field: string, value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value);
  return keyedItemsOf(doc, field).find((i) => i.key === value)?.label ?? value;
}

function listWords(doc: LooseDocument, field: string, values: unknown): string {
  return orList(asList(values).map((v) => valueWords(doc, field, v)));
}

/** One condition (a field and what it must be) in words, or undefined when no plain words fit. */
function describeOperator(doc: LooseDocument, field: string, value: Record<string, unknown>): string | undefined {
  const [entry, ...more] = Object.entries(value);
  if (!entry || more.length > 0) return undefined;
  const [op, operand] = entry;
  const name = KEY_FIELD_LISTS[field]?.noun ?? fieldLabel(field);
  if (op === "$in")
    return field === "status" ? `${listWords(doc, field, operand)} only` : `${name}: ${listWords(doc, field, operand)}`;
  if (op === "$nin" || op === "$ne") return `${fieldLabel(field)} not ${listWords(doc, field, operand)}`;
  if (op === "$eq") return describeCondition(doc, field, operand);
  return undefined;
}

/** A condition on one field in words ("own school only", "published only", "meeting types: LADO or ..."). */
export function describeCondition(doc: LooseDocument, field: string, value: unknown): string {
  if (value === "${user.schoolUrn}") return "own school only";
  if (value === "${user.id}") return USER_ID_WORDS[field] ?? `${fieldLabel(field)} is them`;
  if (value === "${user.tenantId}") return `${fieldLabel(field)} is their authority`;
  if (typeof value === "boolean") return `${value ? "" : "not "}${fieldLabel(field)} only`;
  if (field === "status" && typeof value === "string") return `${value} only`;
  if (typeof value === "string" && KEY_FIELD_LISTS[field])
    return `${KEY_FIELD_LISTS[field].noun}: ${valueWords(doc, field, value)}`;
  if (isRecord(value)) {
    const words = describeOperator(doc, field, value);
    if (words) return words;
  }
  if (typeof value === "string" || typeof value === "number") return `${fieldLabel(field)} is ${String(value)}`;
  return `${fieldLabel(field)} matches ${JSON.stringify(value)}`;
}

/** Every condition of a rule in words, in the rule's own order. */
export function describeConditions(doc: LooseDocument, conditions: Record<string, unknown> | undefined): string[] {
  return Object.entries(conditions ?? {}).map(([field, value]) => describeCondition(doc, field, value));
}

/** "read", "read and create", "do anything to" (manage). */
export function describeActions(actions: readonly Action[]): string {
  return orList(
    actions.map((a) => (a === "manage" ? "do anything to" : a)),
    "and",
  );
}

/** The limits of a rule in brackets: its conditions and the fields it is limited to. */
function limitsOf(doc: LooseDocument, rule: Pick<Rule, "conditions" | "fields">): string {
  const words = [
    ...describeConditions(doc, rule.conditions),
    ...(rule.fields ? [`only its ${orList(rule.fields.map(fieldLabel), "and")}`] : []),
  ];
  return words.length ? ` (${words.join(", ")})` : "";
}

/**
 * A rule in sentences, one per subject it names: "Headteacher may read Visit report (own school only, published
 * only)", "Headteacher may never read Meeting minutes (own school only): the reason".
 */
export function describeRule(doc: LooseDocument, roleLabel: string, rule: Rule): string[] {
  const actions = describeActions(asList(rule.action));
  const limits = limitsOf(doc, rule);
  return asList(rule.subject).map((subject) =>
    rule.inverted
      ? `${roleLabel} may never ${actions} ${subjectLabel(subject)}${limits}${rule.reason ? `: ${rule.reason}` : ""}`
      : `${roleLabel} may ${actions} ${subjectLabel(subject)}${limits}`,
  );
}

/** "What can this role see and do?": every rule of the role in sentences, in the rules' order (later rules win). */
export function describeRole(doc: LooseDocument, role: { label: string; rules: readonly Rule[] }): string[] {
  return role.rules.flatMap((rule) => describeRule(doc, role.label, rule));
}

/** The fields a subject's rules may be limited to (`fields`), from the vocabulary; none for `all`. */
export function subjectFieldNames(subject: Subject): string[] {
  return subject === "all" ? [] : [...Object.keys(SUBJECT_FIELDS[subject]), ...(EXTRA_READABLE_FIELDS[subject] ?? [])];
}

/**
 * The user a "can this role do it?" question is asked for: their id and (for a school role) their school, so a
 * sample record can be theirs or someone else's.
 */
export const SAMPLE_USER = { id: "sample-user", schoolUrn: 100000 } as const;
