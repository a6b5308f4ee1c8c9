import { createMongoAbility, subject as tagSubject } from "@casl/ability";
import { z } from "zod";

import type { AccessCondition, AccessFilter, CaseReadScope, FieldScope, School } from "@steward/db";
import { caseSubject, NO_SCHOOL_ATTRIBUTES, schoolSubject, type CaseFacts, type PolicyAbility } from "@steward/domain";
import type { Action, PolicyDocument, SchoolAttributeRecord, Subject } from "@steward/policy-config";

/**
 * The rows of `subject` a user may act on (or, with `field`, whose `field` they
 * may read), as a filter the list queries turn into SQL: built from the CASL
 * rules (conditions with placeholders already filled), so a list never loads a
 * row only to drop it. The same walk as CASL's `rulesToQuery`, over the rules
 * that apply to the field: an unconditional rule decides, conditional ones
 * add alternatives (allowing) or exclusions (forbidding).
 */
export function getAccessFilter(
  { ability }: PolicyAbility,
  action: Action,
  subject: Subject,
  field?: string,
): AccessFilter {
  const anyOf: AccessCondition[] = [];
  const noneOf: AccessCondition[] = [];
  for (const rule of ability.rulesFor(action, subject, field)) {
    const conditions = rule.conditions;
    if (!conditions) {
      if (rule.inverted) break;
      return noneOf.length === 0 ? { kind: "all" } : { kind: "some", anyOf: [{}], noneOf };
    }
    (rule.inverted ? noneOf : anyOf).push(conditions);
  }
  return anyOf.length === 0 ? { kind: "none" } : { kind: "some", anyOf, noneOf };
}

/** A text of the school's GIAS attributes, or null when it is missing or not a text (as the SQL reads it). */
const attributeText = z.string().nullable().catch(null).default(null);
const storedAttributes = z
  .object({
    attributes: z
      .object({ diocese: attributeText, religiousCharacter: attributeText })
      .catch({ diocese: null, religiousCharacter: null })
      .default({ diocese: null, religiousCharacter: null }),
  })
  .catch({ attributes: { diocese: null, religiousCharacter: null } });

/**
 * The school's attributes that permission rules may test (`school.district`,
 * ...), from its row in the register: the one reader, agreeing value for value
 * with the SQL the lists filter by (`schoolAttributeColumns` in packages/db).
 * A school not in the register has none.
 */
export function schoolAttributesOf(school: School | undefined): SchoolAttributeRecord {
  if (!school) return { ...NO_SCHOOL_ATTRIBUTES };
  const { attributes } = storedAttributes.parse(school.data);
  return {
    phase: school.phase,
    governance: school.governance,
    district: school.district,
    typeOfEstablishment: school.type_of_establishment,
    trust: school.trust,
    diocese: attributes.diocese,
    religiousCharacter: attributes.religiousCharacter,
  };
}

/** A school of the register as permission checks see it (its URN and attributes). */
export const schoolRecordOf = (school: School) => schoolSubject(school.urn, schoolAttributesOf(school));

/** The case facts of a `cases` row and its school's attributes, for permission checks. */
export const caseFactsOfRow = (
  row: {
    school_urn: number;
    assigned_officer_id: string | null;
    category: string | null;
    stage: string | null;
    status: string;
  },
  school: SchoolAttributeRecord,
): CaseFacts => ({
  schoolUrn: row.school_urn,
  school,
  assignedOfficerId: row.assigned_officer_id,
  category: row.category,
  stage: row.stage,
  status: row.status,
});

/** Whether the user may read this case (the record, not yet any of its fields). */
export const mayReadCase = (pa: PolicyAbility, facts: CaseFacts) => pa.ability.can("read", caseSubject(facts));

/** A rule's conditions on the school alone (its URN and attributes); the rest are left out. */
const schoolConditions = (conditions: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(conditions).filter(([k]) => k === "schoolUrn" || k.startsWith("school.")));

/**
 * Whether some rule lets the user `action` a `subject` of this school (say,
 * record its visits, or read its letters) although they may not read its case:
 * the gate before the engine or the record's own check, which then decide on
 * the exact record. The rule's conditions on the school (its URN and
 * attributes) must hold, read by CASL as every check reads them; conditions on
 * the record's other fields are left to that exact check.
 */
export function mayActOnSchool(
  { ability }: PolicyAbility,
  action: Action,
  subject: Subject,
  school: { urn: number; attributes: SchoolAttributeRecord },
): boolean {
  const record = tagSubject(subject, { schoolUrn: school.urn, school: school.attributes });
  return ability.rulesFor(action, subject).some((rule) => {
    if (rule.inverted) return false;
    if (!rule.conditions) return true;
    const conditions = schoolConditions(rule.conditions);
    return createMongoAbility([{ action, subject, conditions }]).can(action, record);
  });
}

/** Every letter status and type a case's letter counts may include. */
const LETTER_STATUSES = ["draft", "approved", "issued", "acknowledged"] as const;

/**
 * What of the case list each user may see, as SQL-ready filters: which cases
 * (read Case), and for each column whose value is not the case's own record,
 * the rules that must all hold for a row to show it: category and stage by the
 * field rules (the policy's own limits for school staff are rules too); the
 * officer; the next visit by reading visits; letter counts and dates only when
 * the user may read every letter they count (each status and type).
 */
export function getCaseReadScope(pa: PolicyAbility, policy: PolicyDocument): CaseReadScope {
  const field = (name: string): FieldScope => ({ allOf: [{ filter: getAccessFilter(pa, "read", "Case", name) }] });
  const visitTypes = policy.visitTypes.map((v) => v.key);
  const letterTypes = policy.letterTypes.map((l) => l.key);
  /** One entry per record the column counts, unless the rules do not tell those records apart. */
  const each = (filter: AccessFilter, records: Record<string, string>[]) => {
    const fields = Object.keys(records[0] ?? {});
    const mentions =
      filter.kind === "some" &&
      [...filter.anyOf, ...filter.noneOf].some((c) => fields.some((f) => JSON.stringify(c).includes(`"${f}"`)));
    return mentions ? records.map((fixed) => ({ filter, fixed })) : [{ filter }];
  };
  const visitFilter = getAccessFilter(pa, "read", "Visit");
  const letterFilter = getAccessFilter(pa, "read", "Letter");
  return {
    rows: getAccessFilter(pa, "read", "Case"),
    category: field("category"),
    stage: field("stage"),
    assignedOfficerId: field("assignedOfficerId"),
    visits: {
      allOf: each(
        visitFilter,
        visitTypes.flatMap((visitType) => ["scheduled", "completed"].map((status) => ({ visitType, status }))),
      ),
    },
    letters: {
      allOf: each(
        letterFilter,
        letterTypes.flatMap((letterType) => LETTER_STATUSES.map((status) => ({ letterType, status }))),
      ),
    },
  };
}
