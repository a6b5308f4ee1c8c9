/**
 * Text no procedure may receive: U+0000 (PostgreSQL cannot store it in text or
 * JSON) and half of a surrogate pair (not a character at all: PostgreSQL
 * refuses it in JSON, and drivers silently turn it into U+FFFD in text). One
 * walk over every procedure's raw input, before its schema, finds the first.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);

/** A JSON pointer token (RFC 6901). */
const token = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** The JSON pointer of the first string (value or key) in `value` holding a character that cannot be stored, or undefined. */
export function findUnstorableText(value: unknown, pointer = "", depth = 0): string | undefined {
  if (typeof value === "string") return unstorable(value) ? pointer || "/" : undefined;
  if (value === null || typeof value !== "object" || depth > 64) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${pointer}/${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (unstorable(key)) return `${pointer}/${token(key)}`;
    const found = findUnstorableText(item, `${pointer}/${token(key)}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}
