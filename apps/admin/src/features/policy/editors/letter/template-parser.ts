import {
  decodeText,
  isMarkTag,
  isTextTag,
  parseLoop,
  tokenise,
  UnrepresentableTemplate,
  type Block,
  type Inline,
  type ListItem,
  type Piece,
} from "./template-blocks.ts";

/** Liquid tags that open a block closed by `end<name>`. */
const PAIRED_TAGS = new Set(["if", "unless", "for", "case", "capture", "tablerow"]);
const FIELD_PATH = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

/** Reads a template's pieces, in order, into blocks. */
class Reader {
  private at = 0;
  constructor(
    private readonly pieces: Piece[],
    private readonly source: string,
  ) {}

  peek(): Piece | undefined {
    return this.pieces[this.at];
  }

  take(): Piece {
    const piece = this.pieces[this.at];
    if (!piece) throw new UnrepresentableTemplate("It ends before every element and Liquid block is closed.");
    this.at += 1;
    return piece;
  }

  skipSpace(): void {
    for (let p = this.peek(); p?.t === "text" && p.text.trim() === ""; p = this.peek()) this.at += 1;
  }

  /** Blocks until one of the `stop` Liquid tags (not taken) or the end. */
  blocks(stop: readonly string[]): Block[] {
    const blocks: Block[] = [];
    for (this.skipSpace(); ; this.skipSpace()) {
      const piece = this.peek();
      if (!piece) {
        if (stop.length > 0) throw new UnrepresentableTemplate(`A Liquid block is never closed by {% ${stop[0]} %}.`);
        return blocks;
      }
      if (piece.t === "tag" && stop.includes(piece.name)) return blocks;
      blocks.push(this.block(piece));
    }
  }

  private block(piece: Piece): Block {
    if (piece.t === "open") {
      if (piece.attrs === "" && isTextTag(piece.name)) return this.orRaw(() => this.textBlock());
      if (piece.attrs === "" && (piece.name === "ul" || piece.name === "ol")) return this.orRaw(() => this.list());
      return this.raw();
    }
    if (piece.t === "tag" && piece.name === "if") {
      this.take();
      const blocks = this.blocks(["endif", "else", "elsif"]);
      this.expectTag("endif", "a conditional block with an else");
      return { kind: "if", condition: piece.args, blocks };
    }
    if (piece.t === "tag" && piece.name === "for") {
      this.take();
      const loop = parseLoop(piece.args);
      const blocks = this.blocks(["endfor", "else"]);
      this.expectTag("endfor", "a repeated block with an else");
      return { kind: "for", loop, blocks };
    }
    const what = piece.t === "tag" ? `a {% ${piece.name} %} tag` : "text";
    throw new UnrepresentableTemplate(`It has ${what} outside any paragraph, which the editor does not draw.`);
  }

  private expectTag(name: string, otherwise: string): void {
    const piece = this.take();
    if (piece.t !== "tag" || piece.name !== name)
      throw new UnrepresentableTemplate(`It has ${otherwise}, which the editor does not draw.`);
  }

  /** Parses an element as `parse` wants, or (when it holds what the editor does not break down) keeps its HTML. */
  private orRaw(parse: () => Block): Block {
    const start = this.at;
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof UnrepresentableTemplate)) throw error;
      this.at = start;
      return this.raw();
    }
  }

  /** The element that starts here, up to its matching end tag, as its own source. */
  private raw(): Block {
    const open = this.take();
    if (open.t !== "open") throw new UnrepresentableTemplate("It closes an element it never opened.");
    let depth = 1;
    while (depth > 0) {
      const piece = this.take();
      if (piece.t === "open" && piece.name === open.name) depth += 1;
      if (piece.t === "close" && piece.name === open.name) depth -= 1;
      if (depth === 0) return { kind: "html", source: this.source.slice(open.begin, piece.end) };
    }
    throw new UnrepresentableTemplate(`Its <${open.name}> is never closed.`);
  }

  private textBlock(): Block {
    const open = this.take();
    if (open.t !== "open" || !isTextTag(open.name)) throw new UnrepresentableTemplate("It is not a paragraph.");
    return { kind: "text", tag: open.name, inline: this.inline(open.name) };
  }

  private list(): Block {
    const open = this.take();
    if (open.t !== "open" || (open.name !== "ul" && open.name !== "ol"))
      throw new UnrepresentableTemplate("It is not a list.");
    const items: ListItem[] = [];
    for (this.skipSpace(); ; this.skipSpace()) {
      const piece = this.take();
      if (piece.t === "close" && piece.name === open.name) return { kind: "list", tag: open.name, items };
      if (piece.t === "open" && piece.name === "li" && piece.attrs === "") {
        items.push({ kind: "item", inline: this.inline("li") });
        continue;
      }
      if (piece.t !== "tag" || piece.name !== "for")
        throw new UnrepresentableTemplate("Its list holds more than items.");
      const loop = parseLoop(piece.args);
      this.skipSpace();
      const li = this.take();
      if (li.t !== "open" || li.name !== "li" || li.attrs !== "")
        throw new UnrepresentableTemplate("Its repeated list item is not one item.");
      items.push({ kind: "loop", loop, inline: this.inline("li") });
      this.skipSpace();
      this.expectTag("endfor", "a repeated list item with more than one item");
    }
  }

  /** Text, merge fields and marks up to the end tag `close` (taken). */
  inline(close: string): Inline[] {
    const inline: Inline[] = [];
    for (;;) {
      const piece = this.take();
      if (piece.t === "close" && piece.name === close) return inline;
      inline.push(this.inlineOf(piece));
    }
  }

  inlineOf(piece: Piece): Inline {
    if (piece.t === "text") return { kind: "text", text: decodeText(piece.text) };
    if (piece.t === "output")
      return FIELD_PATH.test(piece.content)
        ? { kind: "field", path: piece.content }
        : { kind: "liquid", source: this.source.slice(piece.begin, piece.end) };
    if (piece.t === "open" && piece.name === "br") {
      this.take();
      return { kind: "br" };
    }
    if (piece.t === "open" && piece.attrs === "" && isMarkTag(piece.name))
      return { kind: "mark", tag: piece.name, children: this.inline(piece.name) };
    if (piece.t === "tag") return { kind: "liquid", source: this.source.slice(piece.begin, this.liquidEnd(piece)) };
    throw new UnrepresentableTemplate("A line holds an element the editor does not draw.");
  }

  /** Where a Liquid tag (with its block, if it opens one) ends in the source. */
  private liquidEnd(open: Extract<Piece, { t: "tag" }>): number {
    if (!PAIRED_TAGS.has(open.name)) return open.end;
    let depth = 1;
    for (;;) {
      const piece = this.take();
      if (piece.t !== "tag") continue;
      if (piece.name === open.name) depth += 1;
      if (piece.name === `end${open.name}`) depth -= 1;
      if (depth === 0) return piece.end;
    }
  }
}

/**
 * A letter body as blocks, or an `UnrepresentableTemplate` saying why the editor cannot draw it.
 * Whitespace between blocks is not kept.
 */
export function parseTemplateBody(source: string): Block[] {
  return new Reader(tokenise(source), source).blocks([]);
}

/** A subject (plain text with merge fields): its line, or an `UnrepresentableTemplate`. */
export function parseTemplateSubject(source: string): Inline[] {
  const reader = new Reader(
    tokenise(source).map((piece): Piece => {
      if (piece.t === "open" || piece.t === "close")
        return { ...piece, t: "text", text: source.slice(piece.begin, piece.end) };
      return piece;
    }),
    source,
  );
  const inline: Inline[] = [];
  while (reader.peek()) {
    const piece = reader.take();
    inline.push(piece.t === "text" ? { kind: "text", text: piece.text } : reader.inlineOf(piece));
  }
  return inline;
}
