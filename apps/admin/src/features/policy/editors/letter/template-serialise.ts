import { encodeText, type Block, type Inline, type ListItem, type Loop } from "./template-blocks.ts";

const forTag = (loop: Loop) => `{% for ${loop.variable} in ${loop.collection} %}`;

/** A line back to HTML and Liquid (`text` for a subject: its text is not HTML, so not encoded). */
export function serialiseInline(inline: readonly Inline[], output: "html" | "text" = "html"): string {
  return inline
    .map((part) => {
      switch (part.kind) {
        case "text":
          return output === "html" ? encodeText(part.text) : part.text;
        case "field":
          return `{{ ${part.path} }}`;
        case "br":
          return "<br>";
        case "mark":
          return `<${part.tag}>${serialiseInline(part.children, output)}</${part.tag}>`;
        case "liquid":
          return part.source;
      }
    })
    .join("");
}

function serialiseItem(item: ListItem): string {
  const li = `<li>${serialiseInline(item.inline)}</li>`;
  return item.kind === "loop" ? `${forTag(item.loop)}${li}{% endfor %}` : li;
}

/** Blocks back to the stored form, the HTML and Liquid a letter is rendered from. */
export function serialiseBlocks(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case "text":
          return `<${block.tag}>${serialiseInline(block.inline)}</${block.tag}>`;
        case "list":
          return `<${block.tag}>${block.items.map(serialiseItem).join("")}</${block.tag}>`;
        case "if":
          return `{% if ${block.condition} %}${serialiseBlocks(block.blocks)}{% endif %}`;
        case "for":
          return `${forTag(block.loop)}${serialiseBlocks(block.blocks)}{% endfor %}`;
        case "html":
          return block.source;
      }
    })
    .join("");
}
