import { z } from "zod";

export const problemSchema = z.object({
  pointer: z.string(),
  where: z.string(),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
  code: z.string(),
});

export const versionSummary = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(["draft", "published", "retired"]),
  formatVersion: z.number(),
  label: z.string().nullable(),
  revision: z.number(),
  basedOnId: z.string().nullable(),
  title: z.string().nullable(),
  period: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
});

/** A policy document as sent in: any JSON object (the validator says what is wrong with it, where). */
export const documentInput = z
  .record(z.string(), z.unknown())
  .refine((d) => JSON.stringify(d).length <= 5_000_000, "The policy document is too large: keep it under 5 MB");

export const versionMappingInput = z
  .strictObject({
    categories: z.record(z.string(), z.string()).optional(),
    stages: z.record(z.string(), z.string()).optional(),
  })
  .optional();

export const impactSchema = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      urn: z.number(),
      school: z.string(),
      category: z.object({ before: z.string().nullable(), after: z.string().nullable(), changed: z.boolean() }),
      stage: z.object({ before: z.string(), after: z.string().nullable(), changed: z.boolean() }),
      problems: z.array(z.string()),
    }),
  ),
  changedCases: z.number(),
  blockedCases: z.number(),
  workload: z.array(z.object({ officer: z.string(), halfTerm: z.string(), before: z.number(), after: z.number() })),
});

/** The impact report: the cases' moves (as publishing makes them) and what changes for people. */
export const impactReportSchema = impactSchema.extend({
  permissions: z.array(
    z.object({
      role: z.string(),
      roleLabel: z.string(),
      change: z.enum(["gained", "lost"]),
      sentence: z.string(),
    }),
  ),
  forms: z.array(z.object({ form: z.string(), title: z.string(), changes: z.array(z.string()), drafts: z.number() })),
  drafts: z.array(
    z.object({
      id: z.string(),
      urn: z.number(),
      school: z.string(),
      form: z.string(),
      formTitle: z.string(),
      lastSaved: z.string(),
      changes: z.number(),
    }),
  ),
});
