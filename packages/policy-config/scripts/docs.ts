// Rewrites the vocabulary tables in docs/policy-format.md from vocabulary.ts:
//   pnpm --filter @steward/policy-config docs
// A test (src/docs.test.ts) fails when the committed guide is out of date.
import { readFileSync, writeFileSync } from "node:fs";

import { renderVocabularyDocs } from "../src/docs.ts";

const guide = new URL("../../../docs/policy-format.md", import.meta.url);
const before = readFileSync(guide, "utf8");
const after = renderVocabularyDocs(before);
if (after !== before) writeFileSync(guide, after);
console.log(after === before ? `${guide.pathname} is up to date` : `Wrote ${guide.pathname}`);
