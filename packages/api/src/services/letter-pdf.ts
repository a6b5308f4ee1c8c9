import { Parser } from "htmlparser2";
import PDFDocument from "pdfkit";

interface Block {
  kind: "heading" | "paragraph" | "item";
  runs: { text: string; bold: boolean; italic: boolean }[];
  level: number;
  marker?: string;
}

const BLOCKS = new Set(["p", "div", "h1", "h2", "h3", "h4", "li", "address", "blockquote", "tr"]);

/** The letter's HTML as blocks of styled text: headings, paragraphs and list items (no scripts, images or links are followed). */
function toBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let bold = 0;
  let italic = 0;
  const lists: { ordered: boolean; count: number }[] = [];
  let skip = 0;
  const flush = () => {
    if (current && current.runs.some((r) => r.text.trim())) blocks.push(current);
    current = undefined;
  };
  const start = (kind: Block["kind"], level = 0, marker?: string) => {
    flush();
    current = { kind, runs: [], level, ...(marker ? { marker } : {}) };
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "script" || name === "style") skip++;
        if (name === "strong" || name === "b" || /^h[1-4]$/.test(name)) bold++;
        if (name === "em" || name === "i") italic++;
        if (name === "ul" || name === "ol") lists.push({ ordered: name === "ol", count: 0 });
        if (name === "li") {
          const list = lists.at(-1);
          if (list) list.count++;
          start("item", lists.length, list?.ordered ? `${list.count}.` : "•");
        } else if (/^h[1-4]$/.test(name)) start("heading", Number(name[1]));
        else if (BLOCKS.has(name)) start("paragraph");
        if (name === "br") current?.runs.push({ text: "\n", bold: false, italic: false });
      },
      ontext(text) {
        if (skip) return;
        const clean = text.replace(/\s+/g, " ");
        if (!clean.trim() && !current) return;
        current ??= { kind: "paragraph", runs: [], level: 0 };
        current.runs.push({ text: clean, bold: bold > 0, italic: italic > 0 });
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skip--;
        if (name === "strong" || name === "b" || /^h[1-4]$/.test(name)) bold--;
        if (name === "em" || name === "i") italic--;
        if (name === "ul" || name === "ol") lists.pop();
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/**
 * A letter as a PDF (A4, with the authority's name at the top and its
 * reference in the footer), from the HTML Steward rendered and stored when the
 * letter was drafted or issued: the PDF says exactly what the school was sent.
 */
export function renderLetterPdf(letter: {
  authority: string;
  subject: string;
  html: string;
  reference: string;
  status: string;
  /** Who else receives it (its copies, after their rules), listed under the letter: "Copy: …". */
  copies?: readonly string[];
}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      bufferPages: true,
      margins: { top: 60, bottom: 60, left: 60, right: 60 },
      info: { Title: letter.subject, Author: letter.authority, Subject: letter.subject },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font("Helvetica-Bold").fontSize(14).text(letter.authority);
    if (letter.status === "draft" || letter.status === "approved")
      doc
        .moveDown(0.3)
        .font("Helvetica-Bold")
        .fontSize(11)
        .fillColor("#d4351c")
        .text(`${letter.status.toUpperCase()}: NOT YET ISSUED`)
        .fillColor("black");
    doc.moveDown(1);
    for (const block of toBlocks(letter.html)) {
      const size = block.kind === "heading" ? Math.max(12, 17 - block.level) : 11;
      const indent = block.kind === "item" ? 14 * block.level : 0;
      if (block.kind === "item")
        doc
          .font("Helvetica")
          .fontSize(size)
          .text(`${block.marker} `, doc.page.margins.left + indent - 12, undefined, { continued: true });
      block.runs.forEach((run, i) => {
        const font = run.bold
          ? run.italic
            ? "Helvetica-BoldOblique"
            : "Helvetica-Bold"
          : run.italic
            ? "Helvetica-Oblique"
            : "Helvetica";
        const options = { continued: i < block.runs.length - 1, ...(block.kind === "item" && i === 0 ? {} : {}) };
        doc
          .font(font)
          .fontSize(size)
          .text(
            i === 0 ? run.text.trimStart() : run.text,
            block.kind === "item" || i > 0 ? undefined : doc.page.margins.left + indent,
            undefined,
            options,
          );
      });
      doc.x = doc.page.margins.left;
      doc.moveDown(block.kind === "item" ? 0.2 : 0.6);
    }
    for (const copy of letter.copies ?? []) doc.font("Helvetica").fontSize(11).text(`Copy: ${copy}`);
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc
        .font("Helvetica")
        .fontSize(8)
        .fillColor("#505a5f")
        .text(`${letter.reference} · page ${i + 1} of ${range.count}`, doc.page.margins.left, doc.page.height - 40, {
          lineBreak: false,
        });
    }
    doc.end();
  });
}
