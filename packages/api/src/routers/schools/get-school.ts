import { z } from "zod";

import { findOpenCaseForSchool, findSchool } from "@steward/db";

import { notFound } from "../../errors.ts";
import { caseFactsOfRow, mayReadCase, schoolAttributesOf, schoolRecordOf } from "../../services/access.ts";
import { readSchoolProfileData, schoolAttributes } from "../../services/school-data.ts";
import { tenantProcedure } from "../../trpc.ts";
import { schoolSummary } from "./list-schools.ts";

/** One school: its register entry, links to predecessor and successor URNs, and its open case. */
export const getSchool = tenantProcedure
  .input(z.strictObject({ urn: z.number().int().positive() }))
  .output(
    schoolSummary.extend({
      openedOn: z.string().nullable(),
      closedOn: z.string().nullable(),
      links: z.array(
        z.object({ urn: z.number(), name: z.string(), type: z.string(), established: z.string().nullable() }),
      ),
      ofsted: z
        .object({ overallEffectiveness: z.string().optional(), inspectionDate: z.string().optional() })
        .nullable(),
      pupils: z.number().nullable(),
      caseId: z.string().nullable(),
      /** What GIAS says beyond the register's columns (headteacher, address, diocese, SEN provision, ...). */
      attributes: schoolAttributes,
      /** The people LA staff recorded (GIAS has no chair of governors), with who last changed them. */
      contacts: z.object({
        chairOfGovernors: z.string().nullable(),
        headteacher: z.string().nullable(),
        updatedAt: z.string().nullable(),
        updatedBy: z.string().nullable(),
      }),
    }),
  )
  .query(async ({ ctx, input }) => {
    const school = await findSchool(ctx.trx, input.urn);
    if (!school || !ctx.ability.ability.can("read", schoolRecordOf(school))) throw notFound("That school");
    const data = school.data as {
      links?: { urn: number; name: string; type: string; established: string | null }[];
      facts?: { ofsted?: Record<string, string> };
      pupils?: number;
    };
    const profile = readSchoolProfileData(school.data);
    const open = await findOpenCaseForSchool(ctx.trx, school.urn);
    const caseVisible = open && mayReadCase(ctx.ability, caseFactsOfRow(open, schoolAttributesOf(school)));
    return {
      urn: school.urn,
      name: school.name,
      laestab: school.laestab,
      phase: school.phase,
      governance: school.governance,
      typeOfEstablishment: school.type_of_establishment,
      trust: school.trust,
      status: school.status,
      district: school.district,
      postcode: school.postcode,
      openedOn: school.opened_on,
      closedOn: school.closed_on,
      links: data.links ?? [],
      ofsted: data.facts?.ofsted ? { ...data.facts.ofsted } : null,
      pupils: data.pupils ?? null,
      caseId: caseVisible ? open.id : null,
      attributes: profile.attributes,
      contacts: {
        chairOfGovernors: profile.contacts.chairOfGovernors ?? null,
        headteacher: profile.contacts.headteacher ?? null,
        updatedAt: profile.contacts.updatedAt ?? null,
        updatedBy: profile.contacts.updatedBy ?? null,
      },
    };
  });
