import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { renderVocabularyDocs } from "./docs.ts";
import { FACTS, MEASURE_RECORD_FIELDS, MERGE_FIELDS, SUBJECTS, WINDOW_EVENTS } from "./vocabulary.ts";

const guide = readFileSync(new URL("../../../docs/policy-format.md", import.meta.url), "utf8");

describe("the policy guide's vocabulary tables", () => {
  it("are the ones the code defines", () => {
    expect(
      renderVocabularyDocs(guide) === guide,
      "docs/policy-format.md is out of date with vocabulary.ts: run `pnpm --filter @steward/policy-config docs` and commit the result.",
    ).toBe(true);
  });

  it("list every fact, merge field and subject", () => {
    const rendered = renderVocabularyDocs(guide);
    for (const name of [...Object.keys(FACTS), ...Object.keys(MERGE_FIELDS), ...SUBJECTS])
      expect(rendered).toContain(`| \`${name}\` |`);
  });

  it("lists every field of the records a measure counts, and every event a window may start from", () => {
    const rendered = renderVocabularyDocs(guide);
    for (const kind of Object.keys(MEASURE_RECORD_FIELDS)) expect(rendered).toContain(`| \`${kind}\` | `);
    for (const fields of Object.values(MEASURE_RECORD_FIELDS))
      for (const name of Object.keys(fields)) expect(rendered).toContain(`| \`${name}\` |`);
    for (const name of Object.keys(WINDOW_EVENTS)) expect(rendered).toContain(`| \`${name}\` |`);
  });

  it("refuses a guide without a table's markers, saying what to add", () => {
    expect(() => renderVocabularyDocs("# A guide\n")).toThrow(/add the lines "<!-- vocabulary:facts:start -->"/);
  });
});
