import { z } from "zod";

import { analyzeTenantTables, appendAudit, findSchools, mergeSchoolData, upsertSchools } from "@steward/db";
import { canOnEvery, DomainError } from "@steward/domain";

import { linksBySchool, readGiasFile, readLinksFile, RegisterFileError } from "../../services/school-register.ts";
import { tenantProcedure, type TenantContext } from "../../trpc.ts";

const rejection = z.object({ line: z.number(), urn: z.string().optional(), reason: z.string() });

const importReport = z.object({
  kind: z.enum(["establishments", "links"]),
  rows: z.number(),
  added: z.array(z.number()),
  updated: z.array(z.number()),
  unchanged: z.number(),
  closed: z.array(z.number()),
  rejected: z.array(rejection),
  skipped: z.number(),
  dryRun: z.boolean(),
});

type ImportReport = z.infer<typeof importReport>;
type Importer = Pick<TenantContext, "trx" | "tenantId" | "user">;

function audit(ctx: Importer, action: string, detail: Record<string, number>) {
  return appendAudit(ctx.trx, ctx.tenantId, {
    actorId: ctx.user.id,
    actorLabel: ctx.user.displayName,
    action,
    subjectType: "School",
    subjectId: null,
    detail,
  });
}

/** A links file: each known school's predecessors and successors, stored in its data. */
async function importLinks(ctx: Importer, csv: string, dryRun: boolean): Promise<ImportReport> {
  const { links, rejected } = readLinksFile(csv);
  const known = new Set(
    (
      await findSchools(
        ctx.trx,
        links.map((l) => l.urn),
      )
    ).map((s) => s.urn),
  );
  const byUrn = linksBySchool(links, known);
  if (!dryRun) {
    for (const [urn, list] of byUrn) await mergeSchoolData(ctx.trx, urn, { links: list });
    await audit(ctx, "school-links-imported", { schools: byUrn.size, rejected: rejected.length });
  }
  return {
    kind: "links",
    rows: links.length + rejected.length,
    added: [],
    updated: [...byUrn.keys()],
    unchanged: 0,
    closed: [],
    rejected,
    skipped: links.length - [...byUrn.values()].flat().length,
    dryRun,
  };
}

/** An establishments file: schools added or updated (and those newly closed), this authority's only. */
async function importEstablishments(
  ctx: Importer,
  csv: string,
  laCode: string,
  dryRun: boolean,
): Promise<ImportReport> {
  const read = readGiasFile(csv, { laCode });
  const before = new Map(
    (
      await findSchools(
        ctx.trx,
        read.schools.map((s) => s.urn),
      )
    ).map((s) => [s.urn, s.status]),
  );
  const closed = read.schools.filter((s) => s.status === "closed" && before.get(s.urn) !== "closed").map((s) => s.urn);
  const result = dryRun
    ? {
        added: read.schools.filter((s) => !before.has(s.urn)).map((s) => s.urn),
        updated: read.schools.filter((s) => before.has(s.urn)).map((s) => s.urn),
        unchanged: [],
      }
    : await upsertSchools(ctx.trx, ctx.tenantId, read.schools);
  if (!dryRun)
    await audit(ctx, "schools-imported", {
      added: result.added.length,
      updated: result.updated.length,
      closed: closed.length,
      rejected: read.rejected.length,
    });
  return {
    kind: "establishments",
    rows: read.schools.length + read.rejected.length + read.skipped.length,
    added: result.added,
    updated: result.updated,
    unchanged: result.unchanged.length,
    closed,
    rejected: read.rejected,
    skipped: read.skipped.length,
    dryRun,
  };
}

/**
 * Imports a GIAS file: "all establishment data" (any year's layout, read by
 * header name; this authority's schools only, independent schools left out)
 * or a links file (predecessor and successor URNs). Reports what was added,
 * updated and closed, and every rejected row with its line and reason. With
 * `dryRun`, reports without writing.
 */
export const importRegister = tenantProcedure
  .input(
    z.strictObject({
      kind: z.enum(["establishments", "links"]),
      csv: z.string().min(1, "Choose a file").max(100_000_000, "The file must be 100 MB or smaller"),
      dryRun: z.boolean().default(false),
    }),
  )
  .output(importReport)
  .mutation(async ({ ctx, input }) => {
    if (!canOnEvery(ctx.ability, "import", "School"))
      throw new DomainError("forbidden", "Your roles do not allow you to import the school register.");
    try {
      const report =
        input.kind === "links"
          ? await importLinks(ctx, input.csv, input.dryRun)
          : await importEstablishments(ctx, input.csv, ctx.policy.document.authority.laCode, input.dryRun);
      // A register loaded in one go: the planner's statistics of schools follow it (after commit: ANALYZE sees committed rows).
      if (!input.dryRun && report.added.length + report.updated.length > 0)
        ctx.afterCommit(() => analyzeTenantTables(ctx.database.db, ["schools"]));
      return report;
    } catch (error) {
      if (error instanceof RegisterFileError) throw new DomainError("invalid", error.message, "/csv");
      throw error;
    }
  });
