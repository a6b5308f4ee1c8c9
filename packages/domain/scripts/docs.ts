/**
 * Rewrites the command table in docs/case-engine.md from code
 * (`pnpm --filter @steward/domain docs`). scripts/docs.test.ts fails when the
 * committed page differs from what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";

import { CASE_ENGINE_DOC, withCommandTable } from "./command-table.ts";

const page = readFileSync(CASE_ENGINE_DOC, "utf8");
const next = withCommandTable(page);
if (next === page) console.log("docs/case-engine.md: the command table is up to date.");
else {
  writeFileSync(CASE_ENGINE_DOC, next);
  console.log("docs/case-engine.md: the command table was rewritten.");
}
