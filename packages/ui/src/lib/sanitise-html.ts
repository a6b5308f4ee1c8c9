const ALLOWED = new Set(["p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "b", "em", "i", "u", "table", "thead", "tbody", "tr", "th", "td", "caption", "a", "span", "div", "blockquote", "hr"]);
const DROP_WITH_CONTENT = new Set(["script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"]);

/**
 * Keeps the structure of a letter's HTML and nothing that could run or reach out: an allowlist of
 * elements, no attributes but a link's http(s) or mailto href. Letters are rendered from the policy's
 * templates on the server; this guards the page if a template ever carries more than text.
 */
export function sanitiseHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  const clean = (node: Element) => {
    for (const child of [...node.children]) {
      const tag = child.tagName.toLowerCase();
      if (DROP_WITH_CONTENT.has(tag)) {
        child.remove();
        continue;
      }
      clean(child);
      if (!ALLOWED.has(tag)) {
        child.replaceWith(...child.childNodes);
        continue;
      }
      for (const attribute of [...child.attributes]) {
        const keep = tag === "a" && attribute.name === "href" && /^(https?:|mailto:)/i.test(attribute.value.trim());
        if (!keep) child.removeAttribute(attribute.name);
      }
      if (tag === "a") child.setAttribute("class", "govuk-link");
    }
  };
  clean(doc.body);
  // Headings in a letter are part of the letter, not the page's outline.
  for (const heading of doc.body.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const p = doc.createElement("p");
    p.className = "govuk-body govuk-!-font-weight-bold";
    p.append(...heading.childNodes);
    heading.replaceWith(p);
  }
  return doc.body.innerHTML;
}
