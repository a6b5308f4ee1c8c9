import DOMPurify, { type Config } from "dompurify";

/**
 * What a letter's HTML may hold in the page: the same allow-list the server
 * applies before it stores a letter (packages/api/src/services/letter-html.ts).
 */
const LETTER_HTML: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [
    "p",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "blockquote",
    "address",
    "hr",
    "div",
    "span",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "a",
  ],
  ALLOWED_ATTR: ["href", "scope", "colspan", "rowspan"],
  // Every allowed attribute's value must match this, except those named URI-safe below: so a link's
  // href must be http(s) or mailto, and a cell's scope and spans are plain values.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ADD_URI_SAFE_ATTR: ["scope", "colspan", "rowspan"],
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
