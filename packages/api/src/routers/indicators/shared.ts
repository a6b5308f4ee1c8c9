import { z } from "zod";

import { findImportMapping } from "@steward/db";
import { canOnEvery, DomainError } from "@steward/domain";

import { mappingSchema, readMappingRow, type Mapping } from "../../services/indicators/mapping.ts";
import type { TenantContext } from "../../trpc.ts";

/** Importing indicator values, and the mappings and runs that go with it, is the `import` action on School (as the register's import is). */
export function assertMayImport(ctx: Pick<TenantContext, "ability">): void {
  if (!canOnEvery(ctx.ability, "import", "School"))
    throw new DomainError("forbidden", "Your roles do not allow you to import data about schools.");
}

/** A file as the browser sends it: CSV as text, XLSX as base64. */
const fileInput = z.strictObject({
  name: z.string().trim().min(1, "The file has no name").max(255, "The file's name must be 255 characters or fewer"),
  content: z.string().min(1, "Choose a file").max(40_000_000, "The file must be 30 MB or smaller"),
  encoding: z.enum(["text", "base64"]).default("text"),
});

/**
 * A saved mapping by id (with, for a mapping whose values are as at a fixed
 * date, this file's date in its place), or one built for this file.
 */
export const importInput = z.union([
  z.strictObject({
    file: fileInput,
    mappingId: z.uuid(),
    asAtDate: z.iso.date("Enter a real date, like 2027-07-31").optional(),
  }),
  z.strictObject({ file: fileInput, mapping: mappingSchema, name: z.string().trim().max(120).optional() }),
]);

/** The mapping an import uses: the saved one named by id, or the one sent. */
export async function resolveMapping(
  ctx: Pick<TenantContext, "trx">,
  input: z.infer<typeof importInput>,
): Promise<Mapping & { name?: string | undefined }> {
  if ("mapping" in input) return { ...input.mapping, name: input.name };
  const row = await findImportMapping(ctx.trx, input.mappingId);
  if (!row) throw new DomainError("not-found", "That saved mapping was not found.", "/mappingId");
  const { id: _id, updatedAt: _updatedAt, ...mapping } = readMappingRow(row);
  return input.asAtDate ? { ...mapping, asAt: { date: input.asAtDate } } : mapping;
}

export const mappingOutput = z.object({
  id: z.string(),
  name: z.string(),
  updatedAt: z.string(),
  keyColumn: z.string(),
  keyKind: z.enum(["urn", "laestab"]),
  asAt: z.union([z.object({ date: z.string() }), z.object({ column: z.string() })]),
  rowFilters: z.array(z.object({ column: z.string(), equals: z.string() })),
  columns: z.array(z.object({ column: z.string(), indicator: z.string() })),
});

export const reportOutput = z.object({
  rows: z.number(),
  filtered: z.number(),
  applied: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  rejected: z.array(z.object({ line: z.number(), column: z.string().optional(), reason: z.string() })),
  schools: z.number(),
  indicators: z.array(z.object({ key: z.string(), label: z.string(), applied: z.number() })),
});
