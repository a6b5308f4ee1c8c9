import { sql, type Expression, type SqlBool } from "kysely";

/**
 * Which rows of a list a user may see, from their permission rules, in a form
 * the queries turn into SQL: every row, none, or rows matching any of a list of
 * conditions (each a set of field tests that must all hold). Field names are
 * the permission vocabulary's (`schoolUrn`, `status`, ...), never column names:
 * each query maps them to its own columns.
 */
export type AccessFilter = { kind: "all" } | { kind: "none" } | { kind: "some"; anyOf: AccessCondition[]; noneOf: AccessCondition[] };

/** Field tests that must all hold: a value (equality) or `{ $in: [...] }`, `{ $ne: v }`, `{ $nin: [...] }`. */
export type AccessCondition = Record<string, unknown>;

export const ALLOW_ALL: AccessFilter = { kind: "all" };

/** Thrown when a permission condition uses a field or operator a list query cannot translate: refused, never ignored. */
export class AccessTranslationError extends Error {}

function testFor(column: Expression<unknown>, value: unknown): Expression<SqlBool> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const parts = entries.map(([op, operand]) => {
      switch (op) {
        case "$eq":
          return operand === null ? sql<SqlBool>`${column} is null` : sql<SqlBool>`${column} = ${operand}`;
        case "$ne":
          return operand === null ? sql<SqlBool>`${column} is not null` : sql<SqlBool>`${column} is distinct from ${operand}`;
        case "$in":
        case "$nin": {
          const list = operand as unknown[];
          if (!Array.isArray(list)) throw new AccessTranslationError(`${op} needs a list.`);
          if (list.length === 0) return op === "$in" ? sql<SqlBool>`false` : sql<SqlBool>`true`;
          const values = sql.join(list.map((v) => sql`${v}`));
          return op === "$in" ? sql<SqlBool>`${column} in (${values})` : sql<SqlBool>`${column} not in (${values})`;
        }
        default:
          throw new AccessTranslationError(`The operator ${op} cannot be used to filter a list.`);
      }
    });
    return parts.length === 1 ? parts[0]! : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  }
  return value === null ? sql<SqlBool>`${column} is null` : sql<SqlBool>`${column} = ${value}`;
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
      if (!column) throw new AccessTranslationError(`A permission rule tests "${field}", which this list cannot filter on.`);
      return testFor(column, value);
    });
    return tests.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(tests, sql` and `)})`;
  };
  const allowed = filter.anyOf.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(filter.anyOf.map(conditionSql), sql` or `)})`;
  if (filter.noneOf.length === 0) return allowed;
  return sql<SqlBool>`(${allowed} and not (${sql.join(filter.noneOf.map(conditionSql), sql` or `)}))`;
}
