import { useEffect, useRef, useState } from "react";

import { UnrepresentableTemplate, type Block, type Inline } from "./template-blocks.ts";
import { parseTemplateBody, parseTemplateSubject } from "./template-parser.ts";
import { serialiseBlocks, serialiseInline } from "./template-serialise.ts";

export interface Template {
  subject: string;
  body: string;
}

export interface Drawn {
  blocks: Block[];
  subject: Inline[];
}

export type Parsed = Drawn | { why: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The template in a field's value (an empty one when it has none yet). */
export function readTemplate(value: unknown): Template {
  const subject = isRecord(value) && typeof value.subject === "string" ? value.subject : "";
  const body = isRecord(value) && typeof value.body === "string" ? value.body : "";
  return { subject, body };
}

function parseTemplate(template: Template): Parsed {
  try {
    return { blocks: parseTemplateBody(template.body), subject: parseTemplateSubject(template.subject) };
  } catch (error) {
    if (error instanceof UnrepresentableTemplate) return { why: error.message };
    throw error;
  }
}

/**
 * A template as the editor's blocks, kept beside the stored form: every change to the blocks writes the HTML and
 * Liquid they make (`onWrite`); a change from outside (the JSON beside the form) is drawn afresh.
 */
export function useTemplateBlocks(template: Template, onWrite: (template: Template) => void) {
  const [parsed, setParsed] = useState<Parsed>(() => parseTemplate(template));
  const latest = useRef(parsed);
  const written = useRef(template);
  const redraw = (next: Template) => {
    latest.current = parseTemplate(next);
    setParsed(latest.current);
  };
  useEffect(() => {
    if (template.subject === written.current.subject && template.body === written.current.body) return;
    written.current = template;
    redraw(template);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- it follows the template's two strings, nothing else
  }, [template.subject, template.body]);
  const write = (next: Template) => {
    written.current = next;
    onWrite(next);
  };
  const commit = (change: (previous: Drawn) => Drawn) => {
    const previous = latest.current;
    if ("why" in previous) return;
    const next = change(previous);
    latest.current = next;
    setParsed(next);
    write({ subject: serialiseInline(next.subject, "text"), body: serialiseBlocks(next.blocks) });
  };
  return {
    parsed,
    /** Writes the stored form as typed (the HTML and Liquid text). */
    write,
    commit,
    /** Draws the blocks again from what was last written (on leaving the text). */
    redrawWritten: () => redraw(written.current),
  };
}
