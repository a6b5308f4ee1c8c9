import { stringify } from "csv-stringify/sync";
import { z } from "zod";

import { exportRegisterEntries } from "@steward/db";
import { toIsoDate } from "@steward/domain";
import { answerText } from "@steward/policy-config/answer-text";

import { fieldTitles, registerOf } from "../../services/register-entries.ts";
import { tenantProcedure } from "../../trpc.ts";
import { readableRegisters, registerFilterInput } from "./shared.ts";

/** The most rows one CSV holds; a larger register is exported a filter at a time. */
const MAX_ROWS = 20_000;

/**
 * The register list as a CSV, with the same filters and the same rule: only entries the user may read. With one
 * register chosen, each of its fields is a column; across registers, the fields are one "Details" column.
 */
export const exportEntries = tenantProcedure
  .input(registerFilterInput)
  .output(z.object({ filename: z.string(), csv: z.string(), rows: z.number(), truncated: z.boolean() }))
  .query(async ({ ctx, input }) => {
    const { access } = readableRegisters(ctx);
    const policy = ctx.policy.document;
    const rows = await exportRegisterEntries(ctx.trx, access, { ...input, limit: MAX_ROWS + 1 });
    const chosen = input.register ? registerOf(policy, input.register) : undefined;
    const columns = fieldTitles(chosen);
    const header = [
      "School URN",
      "School",
      "Register",
      "Date it happened",
      "Logged on",
      "Logged by",
      "Status",
      ...(chosen ? columns.map((c) => c.title) : ["Details"]),
      "Closed on",
      "Closed by",
      "Close note",
    ];
    const records = rows.slice(0, MAX_ROWS).map((r) => {
      const register = registerOf(policy, r.register);
      const details = chosen
        ? columns.map((c) => answerText(r.fields[c.key]))
        : [
            Object.entries(r.fields)
              .map(([k, v]) => `${k}: ${answerText(v)}`)
              .join("; "),
          ];
      return [
        r.school_urn,
        r.school_name,
        register?.label ?? r.register,
        r.occurred_on,
        toIsoDate(r.logged_at),
        r.logged_by_name ?? "",
        r.status,
        ...details,
        r.closed_at ? toIsoDate(r.closed_at) : "",
        r.closed_at ? (r.closed_by_name ?? "") : "",
        r.close_note ?? "",
      ];
    });
    // escape_formulas: a cell starting =, +, - or @ cannot run as a formula when the file is opened in a spreadsheet.
    const csv = stringify([header, ...records], { escape_formulas: true, bom: true });
    const name = (chosen?.label ?? "registers").toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return {
      filename: `${name}-${toIsoDate(ctx.now())}.csv`,
      csv,
      rows: records.length,
      truncated: rows.length > MAX_ROWS,
    };
  });
