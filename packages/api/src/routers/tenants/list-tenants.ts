import { z } from "zod";

import { listTenants as findTenants } from "@steward/db";

import { publicProcedure } from "../../trpc.ts";

const listTenantsOutput = z.array(z.object({ slug: z.string(), name: z.string() }));

/** The authorities on this server, by name (public: the sign-in page offers them). */
export const listTenants = publicProcedure.output(listTenantsOutput).query(async ({ ctx }) => {
  const tenants = await findTenants(ctx.database.db);
  return tenants.map((tenant) => ({ slug: tenant.slug, name: tenant.name }));
});
