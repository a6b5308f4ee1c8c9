import { z } from "zod";

import { getMigrationLevel } from "@steward/db";

import { publicProcedure } from "../../trpc.ts";

const healthOutput = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.object({
    kind: z.enum(["embedded", "postgres"]),
    migration: z.object({
      current: z.string().nullable(),
      latest: z.string(),
      applied: z.number().int(),
      pending: z.number().int(),
    }),
  }),
  time: z.string(),
});

/** Whether Steward is up: its version, the database it runs on, and that database's migration level. */
export const getHealth = publicProcedure.output(healthOutput).query(async ({ ctx }) => {
  const migration = await getMigrationLevel(ctx.database.db);
  return {
    status: "ok" as const,
    version: ctx.appVersion,
    database: { kind: ctx.database.kind, migration },
    time: new Date().toISOString(),
  };
});
