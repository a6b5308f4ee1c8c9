import { z } from "zod";

import { listImportMappings } from "@steward/db";

import { readMappingRow } from "../../services/indicators/mapping.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport, mappingOutput } from "./shared.ts";

/** The saved mappings, by name. */
export const listMappings = tenantProcedure
  .input(z.strictObject({}).optional())
  .output(z.array(mappingOutput))
  .query(async ({ ctx }) => {
    assertMayImport(ctx);
    return (await listImportMappings(ctx.trx)).map(readMappingRow);
  });
