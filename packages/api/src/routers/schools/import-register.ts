import { z } from "zod";

import { appendAudit, findSchools, mergeSchoolData, upsertSchools } from "@steward/db";
import { canOnEvery, DomainError } from "@steward/domain";

import { readGiasFile, readLinksFile, RegisterFileError } from "../../services/school-register.ts";
import { tenantProcedure } from "../../trpc.ts";

const rejection = z.object({ line: z.number(), urn: z.string().optional(), reason: z.string() });

export const importReport = z.object({
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
    const laCode = ctx.policy.document.authority.laCode;
    try {
      if (input.kind === "links") {
        const { links, rejected } = readLinksFile(input.csv);
        const known = new Set(
          (
            await findSchools(
              ctx.trx,
              links.map((l) => l.urn),
            )
          ).map((s) => s.urn),
        );
        const byUrn = new Map<number, { urn: number; name: string; type: string; established: string | null }[]>();
        for (const link of links) {
          if (!known.has(link.urn)) continue;
          byUrn.set(link.urn, [
            ...(byUrn.get(link.urn) ?? []),
            { urn: link.linkUrn, name: link.linkName, type: link.linkType, established: link.established },
          ]);
        }
        if (!input.dryRun) for (const [urn, list] of byUrn) await mergeSchoolData(ctx.trx, urn, { links: list });
        if (!input.dryRun)
          await appendAudit(ctx.trx, ctx.tenantId, {
            actorId: ctx.user.id,
            actorLabel: ctx.user.displayName,
            action: "school-links-imported",
            subjectType: "School",
            subjectId: null,
            detail: { schools: byUrn.size, rejected: rejected.length },
          });
        return {
          kind: "links" as const,
          rows: links.length + rejected.length,
          added: [],
          updated: [...byUrn.keys()],
          unchanged: 0,
          closed: [],
          rejected,
          skipped: links.length - [...byUrn.values()].flat().length,
          dryRun: input.dryRun,
        };
      }
      const read = readGiasFile(input.csv, { laCode });
      const before = new Map(
        (
          await findSchools(
            ctx.trx,
            read.schools.map((s) => s.urn),
          )
        ).map((s) => [s.urn, s.status]),
      );
      const closed = read.schools
        .filter((s) => s.status === "closed" && before.get(s.urn) !== "closed")
        .map((s) => s.urn);
      const result = input.dryRun
        ? {
            added: read.schools.filter((s) => !before.has(s.urn)).map((s) => s.urn),
            updated: read.schools.filter((s) => before.has(s.urn)).map((s) => s.urn),
            unchanged: [],
          }
        : await upsertSchools(ctx.trx, ctx.tenantId, read.schools);
      if (!input.dryRun)
        await appendAudit(ctx.trx, ctx.tenantId, {
          actorId: ctx.user.id,
          actorLabel: ctx.user.displayName,
          action: "schools-imported",
          subjectType: "School",
          subjectId: null,
          detail: {
            added: result.added.length,
            updated: result.updated.length,
            closed: closed.length,
            rejected: read.rejected.length,
          },
        });
      return {
        kind: "establishments" as const,
        rows: read.schools.length + read.rejected.length + read.skipped.length,
        added: result.added,
        updated: result.updated,
        unchanged: result.unchanged.length,
        closed,
        rejected: read.rejected,
        skipped: read.skipped.length,
        dryRun: input.dryRun,
      };
    } catch (error) {
      if (error instanceof RegisterFileError) throw new DomainError("invalid", error.message, "/csv");
      throw error;
    }
  });
