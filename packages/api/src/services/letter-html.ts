import sanitizeHtml from "sanitize-html";

import type { CaseEvent } from "@steward/domain";
import { LETTER_HTML_ALLOWED } from "@steward/policy-config/letter-html";

/**
 * What a letter's HTML may hold: the structure of a letter and nothing that
 * could run or reach out. Paragraphs, headings, emphasis, lists, tables, and
 * links to http(s) or mailto only; no attributes but a link's href and a
 * table cell's scope and spans. Everything else is dropped (a script or style
 * with its content; any other unknown element keeps its text).
 */
const LETTER_HTML: sanitizeHtml.IOptions = {
  allowedTags: [...LETTER_HTML_ALLOWED.tags],
  allowedAttributes: Object.fromEntries(
    Object.entries(LETTER_HTML_ALLOWED.attributes).map(([tag, names]) => [tag, [...names]]),
  ),
  allowedSchemes: [...LETTER_HTML_ALLOWED.schemes],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "embed",
    "template",
    "svg",
    "math",
    "title",
    "head",
  ],
  parseStyleAttributes: false,
};

/**
 * The ONE place letter HTML is made safe before it is stored or shown: the
 * engine renders a letter from the policy's template (every merged value
 * escaped), and whatever markup the template itself carries passes through
 * here. Every path that stores letter HTML (drafting, issuing, the demo seed,
 * all through `runCaseCommand`) and the policy preview call it.
 */
export function sanitiseLetterHtml(html: string): string {
  return sanitizeHtml(html, LETTER_HTML);
}

/** The events a command caused, with every letter's HTML sanitised (drafted and issued letters carry it). */
export function sanitiseLetterEvents(events: readonly CaseEvent[]): CaseEvent[] {
  return events.map((event) => {
    if (event.type === "letter-drafted")
      return { ...event, letter: { ...event.letter, html: sanitiseLetterHtml(event.letter.html) } };
    if (event.type === "letter-issued") return { ...event, html: sanitiseLetterHtml(event.html) };
    return event;
  });
}
