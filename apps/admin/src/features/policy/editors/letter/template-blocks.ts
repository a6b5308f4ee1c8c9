import { Tokenizer, TypeGuards } from "liquidjs";

/**
 * A letter body (HTML and Liquid, the stored form) as blocks the letter editor draws: paragraphs and headings of
 * text with merge-field chips, lists (an item may repeat for each entry of a list such as `indicators`),
 * conditional blocks (`{% if %}`), repeated blocks (`{% for %}`), and any other element kept as its own HTML.
 * `parseTemplateBody` and `serialiseBlocks` round-trip every template they accept (whitespace between blocks aside);
 * a template they cannot represent is refused with a sentence why, and the editor offers the text instead.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "field"; path: string }
  | { kind: "br" }
  | { kind: "mark"; tag: MarkTag; children: Inline[] }
  /** A Liquid tag or output inside a line (`{% if x %} (…){% endif %}`, a filter), kept as written. */
  | { kind: "liquid"; source: string };

export type MarkTag = "strong" | "em" | "b" | "i" | "u";
export type TextTag = "p" | "h1" | "h2" | "h3" | "h4";

export type ListItem = { kind: "item"; inline: Inline[] } | { kind: "loop"; loop: Loop; inline: Inline[] };

export interface Loop {
  variable: string;
  collection: string;
}

export type Block =
  | { kind: "text"; tag: TextTag; inline: Inline[] }
  | { kind: "list"; tag: "ul" | "ol"; items: ListItem[] }
  | { kind: "if"; condition: string; blocks: Block[] }
  | { kind: "for"; loop: Loop; blocks: Block[] }
  /** An element the editor does not break down (a table, a quotation), edited as its HTML and Liquid. */
  | { kind: "html"; source: string };

/** Why a template cannot be drawn as blocks, in a sentence. */
export class UnrepresentableTemplate extends Error {}

export type Piece =
  | { t: "open"; name: string; attrs: string; begin: number; end: number }
  | { t: "close"; name: string; begin: number; end: number }
  | { t: "text"; text: string; begin: number; end: number }
  | { t: "output"; content: string; begin: number; end: number }
  | { t: "tag"; name: string; args: string; begin: number; end: number };

const TEXT_TAGS = new Set<string>(["p", "h1", "h2", "h3", "h4"]);
const MARK_TAGS = new Set<string>(["strong", "em", "b", "i", "u"]);
const VOID_TAGS = new Set<string>(["br", "hr"]);
const TAG_PATTERN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g;

export const isTextTag = (name: string): name is TextTag => TEXT_TAGS.has(name);
export const isMarkTag = (name: string): name is MarkTag => MARK_TAGS.has(name);

/** Splits HTML text into tags and text, keeping where each starts and ends in the whole template. */
function splitHtml(html: string, offset: number): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of html.matchAll(TAG_PATTERN)) {
    const [whole, slash = "", rawName = "", attrs = ""] = match;
    const at = match.index;
    if (at > last) pieces.push({ t: "text", text: html.slice(last, at), begin: offset + last, end: offset + at });
    const name = rawName.toLowerCase();
    const span = { begin: offset + at, end: offset + at + whole.length };
    if (slash) pieces.push({ t: "close", name, ...span });
    else pieces.push({ t: "open", name, attrs: attrs.replace(/\/$/, "").trim(), ...span });
    if (!slash && VOID_TAGS.has(name)) pieces.push({ t: "close", name, ...span, begin: span.end });
    last = at + whole.length;
  }
  if (last < html.length)
    pieces.push({ t: "text", text: html.slice(last), begin: offset + last, end: offset + html.length });
  return pieces;
}

export function tokenise(source: string): Piece[] {
  let tokens;
  try {
    tokens = new Tokenizer(source).readTopLevelTokens();
  } catch (error) {
    throw new UnrepresentableTemplate(`Its Liquid does not parse: ${error instanceof Error ? error.message : ""}`);
  }
  return tokens.flatMap((token): Piece[] => {
    const span = { begin: token.begin, end: token.end };
    if (TypeGuards.isTagToken(token)) return [{ t: "tag", name: token.name, args: token.args.trim(), ...span }];
    if (TypeGuards.isOutputToken(token)) return [{ t: "output", content: token.content.trim(), ...span }];
    return splitHtml(token.getText(), token.begin);
  });
}

const ENTITY = /&(amp|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">" };

export function decodeText(text: string): string {
  if (/&(?!(amp|lt|gt);)/.test(text))
    throw new UnrepresentableTemplate("It writes a character as an HTML entity the editor does not keep.");
  return text.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? "");
}

export const encodeText = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** A loop's header, `indicator in indicators`; anything more (limits, ranges) is not a loop the editor draws. */
export function parseLoop(args: string): Loop {
  const match = /^([A-Za-z_]\w*) in ([A-Za-z_][\w.]*)$/.exec(args);
  if (!match?.[1] || !match[2])
    throw new UnrepresentableTemplate(`It repeats "for ${args}", which the editor does not draw.`);
  return { variable: match[1], collection: match[2] };
}
