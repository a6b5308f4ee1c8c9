import { z } from "zod";

import { diffPolicies } from "@steward/policy-config";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow } from "../../services/policies.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";

/** The changes from one version to another, in words (long texts word by word), with the JSON Patch. */
export const diffVersions = tenantProcedure
  .input(z.strictObject({ fromId: z.uuid(), toId: z.uuid() }))
  .output(
    z.object({
      entries: z.array(
        z.object({
          kind: z.string(),
          pointer: z.string(),
          section: z.string(),
          message: z.string(),
          // A long text's change word by word (a letter's template, a question's wording).
          text: z.array(z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() })).optional(),
        }),
      ),
      patch: z.array(z.record(z.string(), z.unknown())),
    }),
  )
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const [from, to] = await Promise.all([
      loadPolicyVersionRow(ctx.trx, input.fromId),
      loadPolicyVersionRow(ctx.trx, input.toId),
    ]);
    if (!from || !to) throw notFound("That policy version");
    const diff = diffPolicies(from.document, to.document);
    return {
      entries: diff.entries.map(({ kind, pointer, section, message, text }) => ({
        kind,
        pointer,
        section,
        message,
        ...(text ? { text } : {}),
      })),
      patch: diff.patch.map((operation) => ({ ...operation })),
    };
  });
