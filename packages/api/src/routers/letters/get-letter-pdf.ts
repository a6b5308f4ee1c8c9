import { z } from "zod";

import { withTenant } from "@steward/db";
import { letterSubject } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { loadCase } from "../../services/cases.ts";
import { renderLetterPdf } from "../../services/letter-pdf.ts";
import { steppedTenantProcedure } from "../../trpc.ts";

/**
 * A letter as a PDF (base64), exactly as rendered when it was drafted or issued. The letter is read and checked
 * in a short transaction; the PDF is rendered after it has ended, so rendering never holds a connection (on the
 * embedded database, the only one).
 */
export const getLetterPdf = steppedTenantProcedure
  .input(z.strictObject({ caseId: z.string().max(100), letterId: z.string().max(100) }))
  .output(z.object({ filename: z.string(), base64: z.string() }))
  .query(async ({ ctx, input }) => {
    const { state, policy, letter } = await withTenant(ctx.database.db, ctx.tenantId, async (trx) => {
      const loaded = await loadCase({ trx, tenantId: ctx.tenantId }, input.caseId);
      const found = loaded.state.letters.find((l) => l.id === input.letterId);
      // The letter itself is checked, not the case: a role may read a school's letters without its case.
      if (!found || !ctx.ability.ability.can("read", letterSubject(loaded.facts, found))) throw notFound("That letter");
      return { state: loaded.state, policy: loaded.policy, letter: found };
    });
    const reference = `${policy.document.authority.laCode}/${state.school.urn}/${letter.id.slice(0, 8).toUpperCase()}`;
    const pdf = await renderLetterPdf({
      authority: policy.document.authority.name,
      subject: letter.subject,
      html: letter.html,
      reference,
      status: letter.status,
      copies: (letter.recipients ?? []).filter((r) => r.copy).map((r) => r.name),
    });
    const type = policy.document.letterTypes.find((t) => t.key === letter.letterType)?.label ?? "Letter";
    const filename = `${type} - ${state.school.name} - ${letter.issuedOn ?? "draft"}.pdf`.replace(/[^\w .,()-]+/g, "");
    return { filename, base64: pdf.toString("base64") };
  });
