import { z } from "zod";

import { parsePolicyDocument, PolicyDocumentError, type PolicyDocument } from "@steward/policy-config";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow, type StoredPolicyVersion } from "../../services/policies.ts";
import { getDraftProblems } from "../../services/policy-checks.ts";
import { toVersionSummary } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { problemSchema, versionSummary } from "./schemas.ts";

const version = versionSummary.extend({ problems: z.array(problemSchema) });

/** A document this procedure read as a policy (parsed on the server), typed as one for the apps. */
const policyDocument = z.custom<PolicyDocument>((value) => typeof value === "object" && value !== null);

/** The version's document as a policy, or undefined for a draft saved out of the policy's shape. */
function inShape(row: StoredPolicyVersion): PolicyDocument | undefined {
  if (row.status !== "draft") return row.document;
  try {
    return parsePolicyDocument(row.document);
  } catch (error) {
    if (error instanceof PolicyDocumentError) return undefined;
    throw error;
  }
}

/**
 * One version: its document (in the current format) and, for a draft, every problem with it (as stored when it was
 * saved). `inShape` says whether the document is in the policy's shape (typed as a policy): a draft may be saved
 * mid-edit out of it, and then only the editor can show it.
 */
export const getVersion = tenantProcedure
  .input(z.strictObject({ id: z.string().max(100) }))
  .output(
    z.discriminatedUnion("inShape", [
      version.extend({ inShape: z.literal(true), document: policyDocument }),
      version.extend({ inShape: z.literal(false), document: z.record(z.string(), z.unknown()) }),
    ]),
  )
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = /^[0-9a-f-]{36}$/i.test(input.id) ? await loadPolicyVersionRow(ctx.trx, input.id) : undefined;
    if (!row) throw notFound("That policy version");
    const summary = { ...toVersionSummary(row), problems: await getDraftProblems(ctx.trx, row) };
    const policy = inShape(row);
    return policy
      ? { ...summary, inShape: true as const, document: { ...policy } }
      : { ...summary, inShape: false as const, document: { ...row.document } };
  });
