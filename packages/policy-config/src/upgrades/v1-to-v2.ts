// Frozen: released upgrades are never edited.
import type { UntypedDocument } from "../upgrade.ts";

type Loose = Record<string, unknown>;

/**
 * Format 1 -> 2. Format 1 counted a letter's deadline and review in calendar
 * days only (`deadline.days`, `reviewAfterDays`); format 2 gives an amount and
 * a unit, so a deadline can be in working days. Days carry over as calendar
 * days, so every deadline falls on the same date as before.
 */
export function upgradeV1ToV2(document: UntypedDocument): UntypedDocument {
  const letterTypes = Array.isArray(document.letterTypes) ? (document.letterTypes as Loose[]) : undefined;
  if (!letterTypes) return document;
  return {
    ...document,
    letterTypes: letterTypes.map((letter) => {
      if (!letter || typeof letter !== "object") return letter;
      const { reviewAfterDays, ...rest } = letter;
      const next: Loose = { ...rest };
      const deadline = letter.deadline as Loose | undefined;
      if (deadline && typeof deadline === "object" && "days" in deadline) {
        const { days, ...deadlineRest } = deadline;
        next.deadline = { ...deadlineRest, within: { amount: days, unit: "calendar-days" } };
      }
      if (reviewAfterDays !== undefined) next.reviewAfter = { amount: reviewAfterDays, unit: "calendar-days" };
      return next;
    }),
  };
}
