/**
 * What a letter's HTML may hold: the structure of a letter and nothing that
 * could run or reach out. The server's sanitiser (before a letter is stored or
 * previewed) and the page's (before it is shown) both read this one list, so
 * they cannot drift apart.
 */
export const LETTER_HTML_ALLOWED = {
  /** Paragraphs, headings, emphasis, lists, quotations, addresses, tables and links. */
  tags: [
    ...["p", "br", "h1", "h2", "h3", "h4", "strong", "em", "b", "i", "u"],
    ...["ul", "ol", "li", "blockquote", "address", "hr", "div", "span"],
    ...["table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a"],
  ],
  /** No attributes but a link's address and a table cell's scope and spans. */
  attributes: { a: ["href"], th: ["scope", "colspan", "rowspan"], td: ["colspan", "rowspan"] },
  /** A link goes to a web page or an email address, nowhere else. */
  schemes: ["http", "https", "mailto"],
} as const;
