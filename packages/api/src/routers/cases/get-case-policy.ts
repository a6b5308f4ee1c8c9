import { z } from "zod";

import { audienceOf } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { mayReadCase } from "../../services/access.ts";
import { loadCase } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";

const json = z.record(z.string(), z.unknown());

const casePolicyOutput = z.object({
  policyVersionId: z.string(),
  areas: z.array(z.object({ key: z.string(), label: z.string(), description: z.string().optional() })),
  categories: z.array(
    z.object({ key: z.string(), label: z.string(), description: z.string(), colour: z.string(), severity: z.number() }),
  ),
  criteria: z.array(json),
  visitTypes: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      ledBy: z.array(z.string()),
      reportForm: z.string().optional(),
      reportVisibility: z.string(),
      agendas: z.array(json),
    }),
  ),
  meetingTypes: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      purpose: z.string(),
      confidential: z.boolean(),
      progressJudgements: z.array(json),
      sharing: z.array(json),
    }),
  ),
  stages: z.array(z.object({ key: z.string(), label: z.string(), colour: z.string() })),
  transitions: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      from: z.array(z.string()),
      to: z.string(),
      mode: z.string(),
      requiresReason: z.boolean(),
    }),
  ),
  roles: z.array(z.object({ key: z.string(), label: z.string(), audience: z.string() })),
  /** The forms a case's records are made with (visit reports, minutes), to show recorded answers with their questions. */
  forms: z.array(z.object({ key: z.string(), title: z.string(), purpose: z.string(), schema: json, uiSchema: json })),
});

/**
 * The parts of the case's own policy version that casework needs (criteria for
 * the best-fit grid, visit and meeting types, stages and transitions, the
 * report forms), for anyone who may see the case. School staff get only what
 * the policy lets them see: no criteria, no hidden categories or stages, and
 * only the forms of reports they can read.
 */
export const getCasePolicy = tenantProcedure
  .input(z.strictObject({ caseId: z.string().max(100) }))
  .output(casePolicyOutput)
  .query(async ({ ctx, input }) => {
    const { policy, facts } = await loadCase(ctx, input.caseId);
    if (!mayReadCase(ctx.ability, facts)) throw notFound("That case");
    const doc = policy.document;
    const school = audienceOf(doc, ctx.user.grants) === "school";
    const reportForms = new Set(
      doc.visitTypes
        .filter((v) => !school || v.reportVisibility !== "la-only")
        .map((v) => v.reportForm)
        .filter(Boolean),
    );
    return {
      policyVersionId: policy.id,
      areas: school
        ? []
        : doc.areas.map((a) => ({
            key: a.key,
            label: a.label,
            ...(a.description ? { description: a.description } : {}),
          })),
      categories: doc.categories
        .filter((c) => !school || c.visibleToSchool)
        .map((c) => ({
          key: c.key,
          label: c.label,
          description: c.description,
          colour: c.colour,
          severity: c.severity,
        })),
      criteria: school ? [] : doc.criteria,
      visitTypes: doc.visitTypes.map((v) => ({
        key: v.key,
        label: v.label,
        ledBy: school ? [] : v.ledBy,
        ...(v.reportForm ? { reportForm: v.reportForm } : {}),
        reportVisibility: v.reportVisibility,
        agendas: v.agendas,
      })),
      meetingTypes: school
        ? []
        : doc.meetingTypes.map((m) => ({
            key: m.key,
            label: m.label,
            purpose: m.purpose,
            confidential: m.confidential,
            progressJudgements: m.progressJudgements,
            sharing: m.sharing,
          })),
      stages: doc.escalation.stages
        .filter((s) => !school || s.visibleToSchool)
        .map((s) => ({ key: s.key, label: s.label, colour: s.colour })),
      transitions: school
        ? []
        : doc.escalation.transitions.map((t) => ({
            key: t.key,
            label: t.label,
            from: t.from,
            to: t.to,
            mode: t.mode,
            requiresReason: Boolean(t.requiresReason),
          })),
      roles: doc.roles.map((r) => ({ key: r.key, label: r.label, audience: r.audience })),
      forms: doc.forms
        .filter((f) => reportForms.has(f.key) || (!school && f.audience === "la"))
        .map((f) => ({
          key: f.key,
          title: f.title,
          purpose: f.purpose,
          schema: f.schema,
          uiSchema: f.uiSchema ?? {},
        })),
    };
  });
