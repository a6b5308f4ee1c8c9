// `policy validate` and `policy diff`: policy documents on disk, no database.
import { parseArgs } from "node:util";

import {
  diffPolicies,
  FORMAT_VERSION,
  FormatUpgradeError,
  upgradePolicy,
  validatePolicy,
} from "@steward/policy-config";

import { plural, readJsonFile, UsageError, type Command } from "./usage.ts";

type Problems = ReturnType<typeof validatePolicy>["problems"];

const jsonOption = { json: { type: "boolean" } } as const;

/** An older format is checked as upgraded, with a note saying so; a document that cannot be upgraded is checked as it is. */
function upgradeForChecking(document: unknown): { document: unknown; note: string } {
  const format =
    typeof document === "object" && document !== null && "formatVersion" in document
      ? document.formatVersion
      : undefined;
  if (typeof format !== "number" || format >= FORMAT_VERSION) return { document, note: "" };
  try {
    return {
      document: upgradePolicy(document).document,
      note: ` (format ${format}, checked as upgraded to format ${FORMAT_VERSION})`,
    };
  } catch (error) {
    if (!(error instanceof FormatUpgradeError)) throw error;
    return { document, note: "" };
  }
}

function printProblems(file: string | undefined, note: string, ok: boolean, problems: Problems) {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (ok) {
    console.log(`${file}: valid${note}${warnings ? `, with ${plural(warnings, "warning")}` : ""}.`);
    for (const p of problems) console.log(`${p.pointer || "/"}: warning: ${p.message}`);
    return;
  }
  for (const p of problems)
    console.log(`${p.pointer || "/"}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`);
  console.log(`${file}${note}: ${plural(errors, "error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}.`);
}

const policyValidate: Command = (args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: jsonOption });
  const file = positionals[0];
  const { document, note } = upgradeForChecking(readJsonFile(file, "policy"));
  const { ok, problems } = validatePolicy(document);
  if (values.json) {
    const errors = problems.filter((p) => p.severity === "error").length;
    const warnings = problems.length - errors;
    console.log(JSON.stringify({ file, valid: ok, errors, warnings, problems }, null, 2));
  } else printProblems(file, note, ok, problems);
  return ok ? 0 : 1;
};

const policyDiff: Command = (args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: jsonOption });
  const before = readJsonFile(positionals[0], "old policy");
  const after = readJsonFile(positionals[1], "new policy");
  const diff = diffPolicies(before, after);
  if (values.json) {
    console.log(JSON.stringify(diff, null, 2));
  } else if (diff.entries.length === 0) {
    console.log("No changes.");
  } else {
    for (const entry of diff.entries) console.log(`${entry.pointer}: ${entry.message}`);
    console.log(`${plural(diff.entries.length, "change")}.`);
  }
  return 0;
};

/** `policy <validate|diff> ...` */
export const policyCommand: Command = ([sub, ...args]) => {
  if (sub === "validate") return policyValidate(args);
  if (sub === "diff") return policyDiff(args);
  throw new UsageError(`Unknown policy command "${sub ?? ""}": use validate or diff.`);
};
