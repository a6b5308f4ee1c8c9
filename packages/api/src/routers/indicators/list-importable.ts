import { z } from "zod";

import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport } from "./shared.ts";

/** The policy's indicators whose values may come from an import: what a mapping's columns may fill. */
export const listImportable = tenantProcedure
  .input(z.strictObject({}).optional())
  .output(
    z.array(
      z.object({ key: z.string(), label: z.string(), group: z.string().nullable(), unit: z.string().nullable() }),
    ),
  )
  .query(({ ctx }) => {
    assertMayImport(ctx);
    return (ctx.policy.document.indicators ?? [])
      .filter((d) => d.from.some((f) => f.kind === "import"))
      .map((d) => ({
        key: d.key,
        label: d.label,
        group: d.group ?? null,
        unit: d.type.kind === "number" ? (d.type.unit ?? null) : null,
      }));
  });
