/**
 * The command table of docs/case-engine.md, written from code: each command's
 * description (COMMAND_DESCRIPTIONS), its permission (COMMAND_PERMISSIONS) and
 * the fields its permission record carries (SUBJECT_FIELDS). Shared by the
 * script that writes the page and the test that fails when the page drifts.
 */
import { SUBJECT_FIELDS } from "@steward/policy-config";

import { COMMAND_DESCRIPTIONS, COMMAND_PERMISSIONS, type CaseCommandType } from "../src/index.ts";

/** The page the table lives in. */
export const CASE_ENGINE_DOC = new URL("../../../docs/case-engine.md", import.meta.url);

export const START_MARKER = "<!-- commands:start -->";
export const END_MARKER = "<!-- commands:end -->";

/** A table cell: one line, with pipes escaped. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function isCommandType(key: string): key is CaseCommandType {
  return Object.hasOwn(COMMAND_PERMISSIONS, key);
}

function row(type: CaseCommandType): string {
  const { summary, record, checks, events, eventsNote } = COMMAND_DESCRIPTIONS[type];
  const { action, subject } = COMMAND_PERMISSIONS[type];
  const names = Object.keys(SUBJECT_FIELDS[subject]);
  const own = names.filter((field) => !field.startsWith("school."));
  // The school's attributes (`school.district`, ...) are on every record about a school: named once.
  const fields = [...own.map((field) => `\`${field}\``), ...(own.length < names.length ? ["`school.*`"] : [])].join(
    ", ",
  );
  const cells = [
    `\`${type}\``,
    summary,
    `\`${action} ${subject}\``,
    record ? `${fields} (${record})` : fields,
    checks,
    events.map((event) => `\`${event}\``).join(", ") + (eventsNote ? `: ${eventsNote}` : ""),
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** The generated table, one row per command in the order COMMAND_DESCRIPTIONS lists them. */
export function renderCommandTable(): string {
  const types = Object.keys(COMMAND_DESCRIPTIONS).filter(isCommandType);
  return [
    "| command | what it does | permission | fields the conditions see | what else it checks | events |",
    "| --- | --- | --- | --- | --- | --- |",
    ...types.map(row),
  ].join("\n");
}

/** The page with the text between its command markers replaced by the generated table. */
export function withCommandTable(page: string): string {
  const start = page.indexOf(START_MARKER);
  const end = page.indexOf(END_MARKER);
  if (start < 0 || end < start)
    throw new Error(`docs/case-engine.md needs ${START_MARKER} and, after it, ${END_MARKER} around the command table.`);
  return `${page.slice(0, start + START_MARKER.length)}\n${renderCommandTable()}\n${page.slice(end)}`;
}
