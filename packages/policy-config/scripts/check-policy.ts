// Checks policy files against the meta-schema and Steward's semantic rules:
//   pnpm --filter @steward/policy-config check tenants/*/policy.json
import { readFileSync } from "node:fs";

import { FORMAT_VERSION, upgradePolicy, validatePolicy } from "../src/index.ts";

let failed = false;
for (const file of process.argv.slice(2)) {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`${file}: not JSON: ${(error as Error).message}`);
    failed = true;
    continue;
  }
  const format = (document as { formatVersion?: unknown }).formatVersion;
  if (typeof format === "number" && format < FORMAT_VERSION) {
    console.log(`${file}: format ${format}, checked as upgraded to format ${FORMAT_VERSION}`);
    document = upgradePolicy(document).document;
  }
  const { problems } = validatePolicy(document);
  const errors = problems.filter((p) => p.severity === "error").length;
  console.log(`${file}: ${errors} errors, ${problems.length - errors} warnings`);
  for (const p of problems)
    console.log(`  ${p.severity.padEnd(7)} ${p.pointer || "/"}\n          ${p.where}: ${p.message}`);
  if (errors > 0) failed = true;
}
process.exit(failed ? 1 : 0);
