import { z } from "zod";

import { listSchools as findSchools } from "@steward/db";

import { getAccessFilter } from "../../services/access.ts";
import { tenantProcedure } from "../../trpc.ts";

export const schoolSummary = z.object({
  urn: z.number(),
  name: z.string(),
  laestab: z.string().nullable(),
  phase: z.string().nullable(),
  governance: z.string(),
  typeOfEstablishment: z.string().nullable(),
  trust: z.string().nullable(),
  status: z.string(),
  district: z.string().nullable(),
  postcode: z.string().nullable(),
});

/** The register, with filters and search by name, URN or LAESTAB; filtered in SQL to the schools the user may see. */
export const listSchools = tenantProcedure
  .input(
    z.strictObject({
      search: z.string().trim().max(200).optional(),
      phase: z.string().max(100).optional(),
      governance: z.enum(["maintained", "academy", "free-school", "other"]).optional(),
      status: z.enum(["open", "closed", "proposed"]).optional(),
      limit: z.number().int().min(1).max(1000).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  )
  .output(z.object({ items: z.array(schoolSummary), total: z.number() }))
  .query(async ({ ctx, input }) => {
    const { rows, total } = await findSchools(ctx.trx, getAccessFilter(ctx.ability, "read", "School"), input);
    return {
      total,
      items: rows.map((s) => ({
        urn: s.urn,
        name: s.name,
        laestab: s.laestab,
        phase: s.phase,
        governance: s.governance,
        typeOfEstablishment: s.type_of_establishment,
        trust: s.trust,
        status: s.status,
        district: s.district,
        postcode: s.postcode,
      })),
    };
  });
