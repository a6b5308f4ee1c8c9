import { diffWords } from "diff";

/** A piece of a text compared word by word: kept, added or removed. */
export interface TextPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Texts up to this long, on one line, read best as "changed from '...' to '...'". */
const SHORT_TEXT = 80;

/** Whether a change from one text to another is said word by word: a long or multi-line text. */
export function isLongTextChange(before: unknown, after: unknown): before is string {
  if (typeof before !== "string" || typeof after !== "string") return false;
  return [before, after].some((text) => text.length > SHORT_TEXT || text.includes("\n"));
}

/** Two texts compared word by word (jsdiff's diffWords): every word kept, removed or added, in place. */
export function diffText(before: string, after: string): TextPart[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** Words kept either side of a change when a long unchanged run is shortened. */
const CONTEXT_WORDS = 12;

/**
 * The comparison with each long unchanged run shortened to the words next to
 * a change ("… "), so a one-word edit in a long letter is seen at once. Every
 * added and removed word is kept.
 */
export function shortenUnchanged(parts: TextPart[], context = CONTEXT_WORDS): TextPart[] {
  // A word and the space after it are two tokens.
  const span = context * 2;
  return parts.map((part, index) => {
    if (part.kind !== "same") return part;
    const tokens = part.text.split(/(\s+)/).filter(Boolean);
    const head = index > 0 ? tokens.slice(0, span).join("").trimEnd() : "";
    const tail = index < parts.length - 1 ? tokens.slice(-span).join("").trimStart() : "";
    const kept = (head ? span : 0) + (tail ? span : 0);
    if (tokens.length <= kept + span) return part;
    return { kind: "same", text: `${head}${head ? " " : ""}…${tail ? " " : ""}${tail}` };
  });
}
