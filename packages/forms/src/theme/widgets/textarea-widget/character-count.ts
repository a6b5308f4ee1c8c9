/** What GOV.UK's character count says about a text against its limit. */
export interface CountMessage {
  text: string;
  isOverLimit: boolean;
  /** True while the count is below the threshold and so not shown. */
  isBelowThreshold: boolean;
}

/** Counts words the way GOV.UK Frontend does: runs of non-space characters. */
function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/**
 * "You have 12 characters remaining" / "You have 3 characters too many" (or words), as GOV.UK's character count says
 * it. `threshold` is the percentage of the limit below which nothing is shown.
 */
export function getCountMessage(
  text: string,
  limit: number,
  unit: "characters" | "words",
  threshold = 0,
): CountMessage {
  const used = unit === "words" ? countWords(text) : text.length;
  const remaining = limit - used;
  const singular = unit === "words" ? "word" : "character";
  const noun = (n: number) => (Math.abs(n) === 1 ? singular : `${singular}s`);
  const isOverLimit = remaining < 0;
  return {
    text: isOverLimit
      ? `You have ${-remaining} ${noun(remaining)} too many`
      : `You have ${remaining} ${noun(remaining)} remaining`,
    isOverLimit,
    isBelowThreshold: threshold > 0 && used < (limit * threshold) / 100,
  };
}
