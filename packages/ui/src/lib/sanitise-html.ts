import DOMPurify, { type Config } from "dompurify";

import { LETTER_HTML_ALLOWED } from "@steward/policy-config/letter-html";

/**
 * What a letter's HTML may hold in the page: the one allow-list the server
 * also applies before it stores a letter (`LETTER_HTML_ALLOWED` in policy-config).
 */
const LETTER_HTML: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...LETTER_HTML_ALLOWED.tags],
  ALLOWED_ATTR: [...new Set(Object.values(LETTER_HTML_ALLOWED.attributes).flat())],
  // Every allowed attribute's value must match this, except those named URI-safe below: so a link's
  // href must be http(s) or mailto, and a cell's scope and spans are plain values.
  ALLOWED_URI_REGEXP: new RegExp(`^(?:${LETTER_HTML_ALLOWED.schemes.join("|")}):`, "i"),
  ADD_URI_SAFE_ATTR: [...new Set([...LETTER_HTML_ALLOWED.attributes.th, ...LETTER_HTML_ALLOWED.attributes.td])],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * Keeps the structure of a letter's HTML and nothing that could run or reach out (DOMPurify with a
 * letter's allow-list: no attributes but a link's http(s) or mailto href and a table cell's scope and
 * spans). Letters are rendered from the policy's templates and sanitised on the server before they are
 * stored; this guards the page as well.
 */
export function sanitiseHtml(html: string): string {
  const fragment = DOMPurify.sanitize(html, LETTER_HTML);
  for (const link of fragment.querySelectorAll("a")) link.setAttribute("class", "govuk-link");
  // Headings in a letter are part of the letter, not the page's outline.
  for (const heading of fragment.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const p = document.createElement("p");
    p.className = "govuk-body govuk-!-font-weight-bold";
    p.append(...heading.childNodes);
    heading.replaceWith(p);
  }
  const container = document.createElement("div");
  container.append(fragment);
  return container.innerHTML;
}
