import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectDatabase, createTenant, DbError, getMigrationLevel, listTenants, migrateToLatest, type StewardDatabase } from "@steward/db";
import { diffPolicies, FORMAT_VERSION, FormatUpgradeError, upgradePolicy, validatePolicy } from "@steward/policy-config";
import { readEnv } from "./env.ts";

const HELP = `Usage: pnpm steward <command> [options]

Policy files (no database needed):
  policy validate <file> [--json]     check a policy document: exit 0 if valid, 1 with one
                                      "pointer: message" line per problem
  policy diff <old> <new> [--json]    the changes between two policy documents, in words

Database (the one the server would use: DATABASE_URL, or the embedded database in
STEWARD_DATA_DIR, default .data/; stop the server before using the embedded one):
  status                              the database in use and its migration level
  migrate                             apply pending migrations
  tenants                             list the authorities
  tenant:create --slug S --name N [--la-code C]
                                      add an authority`;

/** Thrown for a mistake in how the command was called: printed with exit code 2. */
class UsageError extends Error {}

function readJsonFile(file: string | undefined, what: string): unknown {
  if (!file) throw new UsageError(`Give the ${what} file.`);
  let text: string;
  try {
    text = readFileSync(path.resolve(readEnv().invocationDir, file), "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message}.`);
  }
}

function policyValidate(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
  const file = positionals[0];
  let document = readJsonFile(file, "policy");
  const format = (document as { formatVersion?: unknown } | null)?.formatVersion;
  let note = "";
  if (typeof format === "number" && format < FORMAT_VERSION) {
    try {
      document = upgradePolicy(document).document;
      note = ` (format ${format}, checked as upgraded to format ${FORMAT_VERSION})`;
    } catch (error) {
      if (!(error instanceof FormatUpgradeError)) throw error;
    }
  }
  const { ok, problems } = validatePolicy(document);
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.length - errors.length;
  if (values.json) {
    console.log(JSON.stringify({ file, valid: ok, errors: errors.length, warnings, problems }, null, 2));
  } else if (ok) {
    console.log(`${file}: valid${note}${warnings ? `, with ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`);
    for (const p of problems) console.log(`${p.pointer || "/"}: warning: ${p.message}`);
  } else {
    for (const p of problems) console.log(`${p.pointer || "/"}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`);
    console.log(`${file}${note}: ${errors.length} ${errors.length === 1 ? "error" : "errors"}${warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`);
  }
  return ok ? 0 : 1;
}

function policyDiff(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
  const before = readJsonFile(positionals[0], "old policy");
  const after = readJsonFile(positionals[1], "new policy");
  const diff = diffPolicies(before, after);
  if (values.json) {
    console.log(JSON.stringify(diff, null, 2));
  } else if (diff.entries.length === 0) {
    console.log("No changes.");
  } else {
    for (const entry of diff.entries) console.log(`${entry.pointer}: ${entry.message}`);
    console.log(`${diff.entries.length} ${diff.entries.length === 1 ? "change" : "changes"}.`);
  }
  return 0;
}

async function withDatabase(fn: (database: StewardDatabase) => Promise<number>): Promise<number> {
  const env = readEnv();
  const database = await connectDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case "help":
    case "--help":
      console.log(HELP);
      return 0;
    case "policy": {
      const [sub, ...args] = rest;
      if (sub === "validate") return policyValidate(args);
      if (sub === "diff") return policyDiff(args);
      throw new UsageError(`Unknown policy command "${sub ?? ""}": use validate or diff.`);
    }
    case "status":
    case "migrate":
      return withDatabase(async (database) => {
        const level = await getMigrationLevel(database.db);
        console.log(`Database: ${database.kind} (${database.location})`);
        console.log(`Migration: ${level.current} (${level.applied} applied, ${level.pending} pending)`);
        return 0;
      });
    case "tenants":
      return withDatabase(async (database) => {
        for (const tenant of await listTenants(database.db)) console.log(`${tenant.slug}\t${tenant.la_code ?? ""}\t${tenant.name}`);
        return 0;
      });
    case "tenant:create": {
      const { values } = parseArgs({ args: rest, options: { slug: { type: "string" }, name: { type: "string" }, "la-code": { type: "string" } } });
      if (!values.slug || !values.name) throw new UsageError('tenant:create needs --slug and --name, e.g. --slug north-shire --name "North Shire Council".');
      return withDatabase(async (database) => {
        const tenant = await createTenant(database.db, { slug: values.slug!, name: values.name!, la_code: values["la-code"] ?? null });
        console.log(`Created ${tenant.name} (${tenant.slug}), id ${tenant.id}.`);
        return 0;
      });
    }
    default:
      throw new UsageError(`Unknown command "${command}". Run "pnpm steward help".`);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      console.error((error as Error).message);
      process.exit(2);
    }
    if (error instanceof DbError && error.code === "conflict") console.error("That already exists: choose another slug.");
    else if (error instanceof DbError && error.code === "invalid") console.error(`Not accepted: ${error.message}. A slug is lower-case letters, digits and single hyphens.`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
