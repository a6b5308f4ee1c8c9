import { z } from "zod";

import { audienceOf, getApplicableDimensions, getDimensionLevels, type SchoolProfile } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

import { notFound } from "../../errors.ts";
import { mayReadCase } from "../../services/access.ts";
import { loadCase } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";

const json = z.record(z.string(), z.unknown());

const described = { key: z.string(), label: z.string(), description: z.string().optional() };

/** How the case's school is assessed: the dimensions that apply to it, their levels and how each is valued. */
const assessmentOutput = z.object({
  derivation: z.enum(["best-fit", "table", "rules"]),
  dimensions: z.array(
    z.object({
      ...described,
      levels: z.array(z.object(described)),
      valuedBy: z.enum(["criteria", "rule", "officer", "indicator"]),
      /** A criteria dimension's judgement area. */
      area: z.string().optional(),
      /** An officer dimension: whether the officer must say why, and the roles that may choose (absent: any). */
      rationaleRequired: z.boolean(),
      roles: z.array(z.string()).optional(),
    }),
  ),
});

const casePolicyOutput = z.object({
  policyVersionId: z.string(),
  areas: z.array(z.object({ key: z.string(), label: z.string(), description: z.string().optional() })),
  categories: z.array(
    z.object({ key: z.string(), label: z.string(), description: z.string(), colour: z.string(), severity: z.number() }),
  ),
  criteria: z.array(json),
  assessment: assessmentOutput,
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
 * The parts of the case's own policy version that casework needs (the
 * assessment's dimensions that apply to the case's school, criteria for the
 * best-fit grid, visit and meeting types, stages and transitions, the
 * report forms), for anyone who may see the case. School staff get only what
 * the policy lets them see: no criteria or dimensions, no hidden categories or stages, and
 * only the forms of reports they can read.
 */
export const getCasePolicy = tenantProcedure
  .input(z.strictObject({ caseId: z.string().max(100) }))
  .output(casePolicyOutput)
  .query(async ({ ctx, input }) => {
    const { state, policy, facts } = await loadCase(ctx, input.caseId);
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
      assessment: presentAssessment(doc, state.school, school),
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

/** The assessment's dimensions that apply to the case's school (none for school staff, who see no criteria either). */
function presentAssessment(
  doc: PolicyDocument,
  caseSchool: SchoolProfile,
  school: boolean,
): z.infer<typeof assessmentOutput> {
  const optionalDescription = (d: { description?: string }) => (d.description ? { description: d.description } : {});
  return {
    derivation: doc.assessment.derivation.kind,
    dimensions: school
      ? []
      : getApplicableDimensions(doc, caseSchool).map((d) => ({
          key: d.key,
          label: d.label,
          ...optionalDescription(d),
          levels: getDimensionLevels(doc, caseSchool, d).map((l) => ({
            key: l.key,
            label: l.label,
            ...optionalDescription(l),
          })),
          valuedBy: d.valuedBy.kind,
          ...(d.valuedBy.kind === "criteria" ? { area: d.valuedBy.area } : {}),
          rationaleRequired: d.valuedBy.kind === "officer" && d.valuedBy.rationaleRequired,
          ...(d.valuedBy.kind === "officer" && d.valuedBy.roles ? { roles: d.valuedBy.roles } : {}),
        })),
  };
}
