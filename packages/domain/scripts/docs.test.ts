import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { COMMAND_DESCRIPTIONS, COMMAND_PERMISSIONS } from "../src/index.ts";
import { CASE_ENGINE_DOC, END_MARKER, renderCommandTable, START_MARKER, withCommandTable } from "./command-table.ts";

describe("the command table in docs/case-engine.md", () => {
  it("is what the docs script writes from code", () => {
    const page = readFileSync(CASE_ENGINE_DOC, "utf8");
    expect(
      withCommandTable(page) === page,
      "docs/case-engine.md differs from the code's command descriptions: run `pnpm --filter @steward/domain docs`.",
    ).toBe(true);
  });

  it("has one row per command, with the permission it is checked against", () => {
    const rows = renderCommandTable().split("\n").slice(2);
    expect(rows).toHaveLength(Object.keys(COMMAND_PERMISSIONS).length);
    expect(rows[0]).toContain("| `open-case` |");
    expect(rows[0]).toContain("| `create Case` |");
    expect(Object.keys(COMMAND_DESCRIPTIONS).sort()).toEqual(Object.keys(COMMAND_PERMISSIONS).sort());
  });

  it("refuses a page without its markers", () => {
    expect(() => withCommandTable("# The case engine\n")).toThrow(START_MARKER);
    expect(withCommandTable(`a\n${START_MARKER}\nold\n${END_MARKER}\nb`)).toBe(
      `a\n${START_MARKER}\n${renderCommandTable()}\n${END_MARKER}\nb`,
    );
  });
});
