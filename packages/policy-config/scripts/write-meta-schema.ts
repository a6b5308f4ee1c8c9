// Writes meta-schema.json, the meta-schema for tools outside TypeScript (editors,
// other languages). A test fails when the committed file is out of date.
import { writeFileSync } from "node:fs";

import { policyMetaSchema } from "../src/meta-schema.ts";

const target = new URL("../meta-schema.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(policyMetaSchema, null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
