/**
 * The vocabulary tables of docs/policy-format.md, written from the code that
 * defines the vocabulary (vocabulary.ts), so the guide cannot drift from what
 * the validator accepts. `scripts/docs.ts` rewrites the guide; a test fails
 * when the committed guide differs. Each table sits between
 * `<!-- vocabulary:<name>:start -->` and `<!-- vocabulary:<name>:end -->`.
 */
import {
  ACTION_DESCRIPTIONS,
  EXTRA_READABLE_FIELDS,
  FACTS,
  MEASURE_RECORD_FIELDS,
  MERGE_FIELDS,
  SUBJECT_DESCRIPTIONS,
  SUBJECT_FIELDS,
  SUBJECTS,
  WINDOW_EVENTS,
  type Fact,
} from "./vocabulary.ts";

/** A table cell: one line, `|` escaped. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function table(headings: string[], rows: string[][]): string {
  return [
    `| ${headings.join(" | ")} |`,
    `| ${headings.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

const code = (name: string) => `\`${name}\``;

function factsTable(): string {
  return table(
    ["fact", "type", "meaning", "values"],
    Object.entries(FACTS).map(([name, fact]) => [
      code(name),
      fact.type,
      fact.description,
      fact.values ? fact.values.map(code).join(", ") : "",
    ]),
  );
}

const RECORD_KINDS: Readonly<Record<string, string>> = {
  register: "a register's entries",
  meetings: "meetings",
  visits: "visits",
  letters: "letters",
  indicator: "an indicator's values",
};

function recordFieldsTable(): string {
  return table(
    ["`of.kind`", "counts", "field", "type", "meaning", "values"],
    Object.entries(MEASURE_RECORD_FIELDS).flatMap(([kind, fields]) =>
      Object.entries(fields).map(([name, field]: [string, Fact]) => [
        code(kind),
        RECORD_KINDS[kind] ?? kind,
        code(name),
        field.type,
        field.description,
        field.values ? field.values.map(code).join(", ") : "",
      ]),
    ),
  );
}

function windowEventsTable(): string {
  return table(
    ["event", "meaning", "fields its `where` may read"],
    Object.entries(WINDOW_EVENTS).map(([name, event]) => [
      code(name),
      event.description,
      Object.entries(event.fields)
        .map(([field, fact]: [string, Fact]) => `${code(field)} (${fact.type}): ${fact.description}`)
        .join(" "),
    ]),
  );
}

function mergeFieldsTable(): string {
  return table(
    ["merge field", "meaning"],
    Object.entries(MERGE_FIELDS).map(([name, meaning]) => [code(name), meaning]),
  );
}

function actionsTable(): string {
  return table(
    ["action", "meaning"],
    Object.entries(ACTION_DESCRIPTIONS).map(([name, meaning]) => [code(name), meaning]),
  );
}

function subjectsTable(): string {
  return table(
    ["subject", "meaning", "fields a condition may test"],
    SUBJECTS.map((subject) => {
      const names = Object.keys(SUBJECT_FIELDS[subject]);
      const own = names.filter((f) => !f.startsWith("school."));
      const fields = [
        ...own.map(code),
        ...(own.length < names.length ? ["the school's attributes (`school.*`)"] : []),
      ].join(", ");
      const extra = EXTRA_READABLE_FIELDS[subject];
      const readable = extra ? ` (and in \`fields\`: ${extra.map(code).join(", ")})` : "";
      return [code(subject), SUBJECT_DESCRIPTIONS[subject], `${fields}${readable}`];
    }),
  );
}

function schoolAttributesTable(): string {
  return table(
    ["field", "meaning"],
    Object.entries(SUBJECT_FIELDS.Case)
      .filter(([name]) => name.startsWith("school."))
      .map(([name, field]) => [code(name), field.description]),
  );
}

/** Each generated table by its marker name. */
const TABLES: Record<string, () => string> = {
  facts: factsTable,
  "measure-record-fields": recordFieldsTable,
  "window-events": windowEventsTable,
  "merge-fields": mergeFieldsTable,
  actions: actionsTable,
  subjects: subjectsTable,
  "school-attributes": schoolAttributesTable,
};

/** The guide with every vocabulary table rewritten from the code; throws when a table's markers are missing. */
export function renderVocabularyDocs(markdown: string): string {
  let text = markdown;
  for (const [name, render] of Object.entries(TABLES)) {
    const start = `<!-- vocabulary:${name}:start -->`;
    const end = `<!-- vocabulary:${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from)
      throw new Error(`The guide has no place for the ${name} table: add the lines "${start}" and "${end}".`);
    text = `${text.slice(0, from + start.length)}\n${render()}\n${text.slice(to)}`;
  }
  return text;
}
