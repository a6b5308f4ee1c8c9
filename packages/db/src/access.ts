import { sql, type Expression, type SqlBool } from "kysely";

/**
 * Which rows of a list a user may see, from their permission rules, in a form
 * the queries turn into SQL: every row, none, or rows matching any of a list of
 * conditions (each a set of field tests that must all hold) and none of
 * another. Field names are the permission vocabulary's (`schoolUrn`,
 * `status`, ...), never column names: each query maps them to its own columns.
 */
export type AccessFilter =
  { kind: "all" } | { kind: "none" } | { kind: "some"; anyOf: AccessCondition[]; noneOf: AccessCondition[] };

/** Field tests that must all hold: a value (equality) or `{ $in: [...] }`, `{ $ne: v }`, `{ $nin: [...] }`. */
export type AccessCondition = Record<string, unknown>;

export const ALLOW_ALL: AccessFilter = { kind: "all" };

/**
 * A column a user may see only where rules hold: every filter of `allOf` must
 * allow the row, each evaluated with some fields fixed to values (a letter
 * count is readable when letters of every type and status it counts are).
 */
export interface FieldScope {
  allOf: { filter: AccessFilter; fixed?: Record<string, string | number | boolean> }[];
}

/** A text held in a school's GIAS attributes (`schools.data.attributes`), null when it is missing or not a text. */
const attributeText = (data: Expression<unknown>, name: string) =>
  sql`(case when jsonb_typeof(${data}->'attributes'->${name}) = 'string' then ${data}->'attributes'->>${name} end)`;

/**
 * The school's attributes that permission rules may test (the vocabulary's
 * `school.*` fields), as columns of a `schools` row joined as `alias`: the
 * register's columns, and the GIAS attributes kept in `data.attributes`. A
 * list of records about schools joins its school on (tenant_id, urn) and
 * spreads these into its columns, so a rule scoped by the school's district
 * filters the list in SQL as CASL checks one record. The API's reader of the
 * same attributes (`schoolAttributesOf`) is tested against this.
 */
export function schoolAttributeColumns(alias: string): Record<string, Expression<unknown>> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return {
    "school.phase": column("phase"),
    "school.governance": column("governance"),
    "school.district": column("district"),
    "school.typeOfEstablishment": column("type_of_establishment"),
    "school.trust": column("trust"),
    "school.diocese": attributeText(column("data"), "diocese"),
    "school.religiousCharacter": attributeText(column("data"), "religiousCharacter"),
  };
}

/** Thrown when a permission condition uses a field or operator a list query cannot translate: refused, never ignored. */
export class AccessTranslationError extends Error {}

/** Every condition at once: one alone as it is, several bracketed and joined with `and`. */
function allOf(parts: readonly Expression<SqlBool>[]): Expression<SqlBool> {
  const [only, ...more] = parts;
  if (only && more.length === 0) return only;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * One field test, in two-valued logic so that it agrees with CASL on NULL: a
 * record without the value matches `$ne`/`$nin` and fails `=`/`$in` (SQL's
 * three-valued `NULL NOT IN (...)` would otherwise drop it from a forbidding
 * rule and fail open, or keep it out of an allowing one).
 */
function testFor(column: Expression<unknown>, value: unknown): Expression<SqlBool> {
  const equals = (operand: unknown) =>
    operand === null ? sql<SqlBool>`(${column} is null)` : sql<SqlBool>`coalesce(${column} = ${operand}, false)`;
  const within = (list: unknown[]) => {
    const values = list.filter((v) => v !== null);
    const inValues =
      values.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`coalesce(${column} in (${sql.join(values.map((v) => sql`${v}`))}), false)`;
    return values.length === list.length ? inValues : sql<SqlBool>`(${column} is null or ${inValues})`;
  };
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const parts = Object.entries(value).map(([op, operand]) => {
      switch (op) {
        case "$eq":
          return equals(operand);
        case "$ne":
          return sql<SqlBool>`not ${equals(operand)}`;
        case "$in":
        case "$nin": {
          if (!Array.isArray(operand)) throw new AccessTranslationError(`${op} needs a list.`);
          return op === "$in" ? within(operand) : sql<SqlBool>`not ${within(operand)}`;
        }
        default:
          throw new AccessTranslationError(`The operator ${op} cannot be used to filter a list.`);
      }
    });
    return allOf(parts);
  }
  if (Array.isArray(value)) throw new AccessTranslationError("A list cannot be compared with a field: use $in.");
  return equals(value);
}

/**
 * The SQL condition for an access filter, given how each permission field maps
 * to a column expression of the query. A field with no column refuses the
 * whole translation (the list would otherwise show rows the rule does not allow).
 */
export function accessToSql(filter: AccessFilter, columns: Record<string, Expression<unknown>>): Expression<SqlBool> {
  if (filter.kind === "all") return sql<SqlBool>`true`;
  if (filter.kind === "none") return sql<SqlBool>`false`;
  const conditionSql = (condition: AccessCondition): Expression<SqlBool> => {
    const tests = Object.entries(condition).map(([field, value]) => {
      const column = columns[field];
      if (!column)
        throw new AccessTranslationError(`A permission rule tests "${field}", which this list cannot filter on.`);
      return testFor(column, value);
    });
    return tests.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(tests, sql` and `)})`;
  };
  const allowed =
    filter.anyOf.length === 0
      ? sql<SqlBool>`false`
      : sql<SqlBool>`(${sql.join(filter.anyOf.map(conditionSql), sql` or `)})`;
  if (filter.noneOf.length === 0) return allowed;
  return sql<SqlBool>`(${allowed} and not (${sql.join(filter.noneOf.map(conditionSql), sql` or `)}))`;
}

/** Whether a row may show a column: every filter of the scope holds, with its fixed fields as literal values. */
export function fieldScopeToSql(scope: FieldScope, columns: Record<string, Expression<unknown>>): Expression<SqlBool> {
  if (scope.allOf.length === 0) return sql<SqlBool>`true`;
  const literal = (v: string | number | boolean) =>
    typeof v === "number" ? sql`${v}::numeric` : typeof v === "boolean" ? sql`${v}::boolean` : sql`${v}::text`;
  const parts = scope.allOf.map(({ filter, fixed }) =>
    accessToSql(filter, {
      ...columns,
      ...Object.fromEntries(Object.entries(fixed ?? {}).map(([k, v]) => [k, literal(v)])),
    }),
  );
  return allOf(parts);
}
