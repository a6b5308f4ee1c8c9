import { z } from "zod";

import type { ImportMappingRow } from "@steward/db";
import { DomainError } from "@steward/domain";
import type { IndicatorDefinition, PolicyDocument } from "@steward/policy-config";

const columnName = z
  .string()
  .trim()
  .min(1, "Name the column")
  .max(200, "A column name must be 200 characters or fewer");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD");

/** How to read a file of indicator values: which column finds the school, which date the values are as at, which rows count, and which column fills which indicator. */
export const mappingSchema = z.strictObject({
  keyColumn: columnName,
  keyKind: z.enum(["urn", "laestab"]),
  asAt: z.union([z.strictObject({ date: isoDate }), z.strictObject({ column: columnName })]),
  rowFilters: z
    .array(z.strictObject({ column: columnName, equals: z.string().trim().max(200) }))
    .max(20)
    .default([]),
  columns: z
    .array(z.strictObject({ column: columnName, indicator: z.string().trim().min(1, "Choose an indicator").max(64) }))
    .min(1, "Map at least one column to an indicator")
    .max(100),
});

export type Mapping = z.infer<typeof mappingSchema>;

const storedFilters = z.array(z.object({ column: z.string(), equals: z.string() }));
const storedColumns = z.array(z.object({ column: z.string(), indicator: z.string() }));

/** A saved mapping as the API shows and uses it: the one reader of an `import_mappings` row. */
export function readMappingRow(row: ImportMappingRow): Mapping & { id: string; name: string; updatedAt: string } {
  return {
    id: row.id,
    name: row.name,
    updatedAt: row.updated_at.toISOString(),
    keyColumn: row.key_column,
    keyKind: row.key_kind,
    asAt: row.as_at_column !== null ? { column: row.as_at_column } : { date: row.as_at_date ?? "" },
    rowFilters: storedFilters.catch([]).parse(row.row_filters),
    columns: storedColumns.catch([]).parse(row.columns),
  };
}

/**
 * The indicator each mapped column fills, checked against the policy before
 * any row is read: a column mapped to an indicator the policy does not
 * declare, or to one whose values do not come from an import, is refused
 * with the column named.
 */
export function getMappedIndicators(
  policy: PolicyDocument,
  mapping: Mapping,
  pointer = "/mapping",
): Map<string, IndicatorDefinition> {
  const byColumn = new Map<string, IndicatorDefinition>();
  const filled = new Set<string>();
  mapping.columns.forEach(({ column, indicator: key }, i) => {
    const at = `${pointer}/columns/${i}/indicator`;
    const indicator = policy.indicators?.find((d) => d.key === key);
    if (!indicator)
      throw new DomainError(
        "invalid",
        `The column "${column}" is mapped to "${key}", which is not one of the policy's indicators.`,
        at,
      );
    if (!indicator.from.some((source) => source.kind === "import"))
      throw new DomainError(
        "invalid",
        `The column "${column}" is mapped to ${indicator.label}, whose values do not come from an import in the policy.`,
        at,
      );
    if (byColumn.has(column))
      throw new DomainError("invalid", `The column "${column}" is mapped twice.`, `${pointer}/columns/${i}/column`);
    if (filled.has(key))
      throw new DomainError(
        "invalid",
        `The column "${column}" is mapped to ${indicator.label}, which another column already fills.`,
        at,
      );
    byColumn.set(column, indicator);
    filled.add(key);
  });
  return byColumn;
}

/** Every column the mapping names must be in the file's header: the first one missing is refused, named. */
export function assertColumnsInFile(header: readonly string[], mapping: Mapping, pointer = "/mapping"): void {
  const present = new Set(header);
  const named: [string, string][] = [
    [mapping.keyColumn, `${pointer}/keyColumn`],
    ...("column" in mapping.asAt ? [[mapping.asAt.column, `${pointer}/asAt/column`] as [string, string]] : []),
    ...mapping.rowFilters.map((f, i): [string, string] => [f.column, `${pointer}/rowFilters/${i}/column`]),
    ...mapping.columns.map((c, i): [string, string] => [c.column, `${pointer}/columns/${i}/column`]),
  ];
  for (const [column, at] of named) {
    if (!present.has(column))
      throw new DomainError(
        "invalid",
        `The file has no column "${column}". Its columns are: ${header.filter(Boolean).slice(0, 40).join(", ")}.`,
        at,
      );
  }
}
