/** Offers: their visits (and fallback visits) are of visit types the policy has. */
import type { PolicyDocument } from "../../schema/policy.ts";
import { mustExist, type SemanticsContext } from "./context.ts";

export function checkOffers(policy: PolicyDocument, ctx: SemanticsContext): void {
  policy.offers?.forEach((offer, o) => {
    offer.visits.forEach((cadence, i) =>
      mustExist(
        ctx,
        ctx.keys.visitTypes,
        cadence.visitType,
        ["offers", o, "visits", i, "visitType"],
        "visit type",
        "Visit types",
      ),
    );
    offer.fallbackVisits?.forEach((cadence, i) =>
      mustExist(
        ctx,
        ctx.keys.visitTypes,
        cadence.visitType,
        ["offers", o, "fallbackVisits", i, "visitType"],
        "visit type",
        "Visit types",
      ),
    );
  });
}
