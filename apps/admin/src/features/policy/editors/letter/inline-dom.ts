import { isMarkTag, type Inline } from "./template-blocks.ts";

/** What a chip says: a merge field by its meaning, a Liquid tag within a line by what it does. */
export type DescribeField = (path: string) => string;

function describeLiquid(source: string): string {
  const condition = /^\{%-?\s*if\s+(.+?)\s*-?%\}/.exec(source)?.[1];
  if (condition) return `Only when ${condition}`;
  const loop = /^\{%-?\s*for\s+(.+?)\s*-?%\}/.exec(source)?.[1];
  if (loop) return `For each ${loop}`;
  return "Liquid";
}

/** A merge field's chip: not editable as text, its path kept in `data-field`. */
export function createFieldChip(document: Document, path: string, describe: DescribeField): HTMLElement {
  const chip = document.createElement("span");
  chip.className = "govuk-tag govuk-tag--blue steward-chip";
  chip.contentEditable = "false";
  chip.dataset.field = path;
  chip.title = `Merge field ${path}`;
  const hidden = document.createElement("span");
  hidden.className = "govuk-visually-hidden";
  hidden.textContent = "Merge field: ";
  chip.append(hidden, describe(path));
  return chip;
}

function createLiquidChip(document: Document, source: string): HTMLElement {
  const chip = document.createElement("span");
  chip.className = "govuk-tag govuk-tag--grey steward-chip";
  chip.contentEditable = "false";
  chip.dataset.liquid = source;
  chip.title = source;
  chip.textContent = describeLiquid(source);
  return chip;
}

/** Draws a line into an editable element. */
export function drawInline(element: HTMLElement, inline: readonly Inline[], describe: DescribeField): void {
  const document = element.ownerDocument;
  const nodes = inline.map((part): Node => {
    switch (part.kind) {
      case "text":
        return document.createTextNode(part.text);
      case "field":
        return createFieldChip(document, part.path, describe);
      case "br":
        return document.createElement("br");
      case "liquid":
        return createLiquidChip(document, part.source);
      case "mark": {
        const mark = document.createElement(part.tag);
        drawInline(mark, part.children, describe);
        return mark;
      }
    }
  });
  element.replaceChildren(...nodes);
}

function readElement(element: Element): Inline[] {
  if (element instanceof HTMLElement && element.dataset.field) return [{ kind: "field", path: element.dataset.field }];
  if (element instanceof HTMLElement && element.dataset.liquid)
    return [{ kind: "liquid", source: element.dataset.liquid }];
  const name = element.tagName.toLowerCase();
  if (name === "br") return [{ kind: "br" }];
  const children = readInline(element);
  if (isMarkTag(name)) return children.length > 0 ? [{ kind: "mark", tag: name, children }] : [];
  // A browser wraps a new line in a div or p as one types: it is a line break.
  if (name === "div" || name === "p") return [{ kind: "br" }, ...children];
  return children;
}

/** Reads a line back from an editable element (what the user typed, the chips, bold and italic). */
export function readInline(element: Element): Inline[] {
  const parts: Inline[] = [];
  for (const node of element.childNodes) {
    if (node.nodeType === node.TEXT_NODE) {
      const text = node.textContent ?? "";
      const last = parts.at(-1);
      if (last?.kind === "text") last.text += text;
      else if (text) parts.push({ kind: "text", text });
    } else if (node instanceof Element) parts.push(...readElement(node));
  }
  // A trailing line break is the browser's placeholder for an empty last line, not the user's.
  if (parts.at(-1)?.kind === "br" && parts.length > 1) parts.pop();
  return parts;
}
