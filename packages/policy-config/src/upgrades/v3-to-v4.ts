// Frozen: released upgrades are never edited.
import type { UntypedDocument } from "../upgrade.ts";

type Loose = Record<string, unknown>;

const listOf = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.filter((item): item is Loose => !!item && typeof item === "object") : [];

/**
 * Format 3 -> 4: the assessment's fixed `method` becomes dimensions and a
 * derivation with the same meaning.
 *
 * - `best-fit`: one dimension per judgement area, valued by best fit against
 *   that area's criteria (its levels are the categories), and the best fit
 *   across the dimensions: the category that fits best in most areas, the more
 *   severe on a tie, as format 3 computed it.
 * - `risk-rating`: one dimension, the rating, chosen by an officer among the
 *   categories (no rationale asked, as before), and the best fit across that one
 *   dimension: the officer's rating, raised by a trigger as before. With no
 *   rating chosen the suggestion comes from the triggers alone, as in format 3.
 *
 * Nothing else changes shape: format 4's other additions (letter parameters,
 * conditional recipients, response forms, stage follow-ups, a trigger's
 * category effect) are optional and their absence means what format 3 meant.
 */
export function upgradeV3ToV4(document: UntypedDocument): UntypedDocument {
  const assessment = document.assessment;
  if (!assessment || typeof assessment !== "object" || Array.isArray(assessment)) return document;
  const { method, ...rest } = assessment as Loose;
  const dimensions =
    method === "risk-rating"
      ? [{ key: "risk-rating", label: "Risk rating", valuedBy: { kind: "officer", rationaleRequired: false } }]
      : listOf(document.areas).map((area) => ({
          key: area.key,
          label: area.label,
          valuedBy: { kind: "criteria", area: area.key },
        }));
  const [description, ...after] = Object.entries(rest);
  return {
    ...document,
    assessment: Object.fromEntries([
      ...(description ? [description] : []),
      ["dimensions", dimensions],
      ["derivation", { kind: "best-fit" }],
      ...after,
    ]),
  };
}
