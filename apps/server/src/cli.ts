import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import {
  DEMO_PASSWORD,
  ProvisionError,
  provisionSchools,
  provisionTenant,
  provisionUser,
  publishPolicyFile,
  readGiasFile,
  readLinksFile,
  RegisterFileError,
  seedDemo,
} from "@steward/api";
import {
  connectDatabase,
  DbError,
  findTenantBySlug,
  getMigrationLevel,
  listTenants,
  mergeSchoolData,
  migrateToLatest,
  withTenant,
  type StewardDatabase,
} from "@steward/db";
import {
  diffPolicies,
  FORMAT_VERSION,
  FormatUpgradeError,
  upgradePolicy,
  validatePolicy,
} from "@steward/policy-config";

import { readEnv } from "./env.ts";

const HELP = `Usage: pnpm steward <command> [options]

Policy files (no database needed):
  policy validate <file> [--json]     check a policy document: exit 0 if valid, 1 with one
                                      "pointer: message" line per problem
  policy diff <old> <new> [--json]    the changes between two policy documents, in words

Database (the one the server would use: DATABASE_URL, or the embedded database in
STEWARD_DATA_DIR, default .data/; stop the server before using the embedded one):
  status                              the database in use and its migration level (changes nothing)
  migrate                             apply pending migrations
  tenants                             list the authorities
  tenant:create --slug S --policy FILE [--name N]
                                      add an authority from its policy file (published as version 1)
  policy:publish --tenant S FILE      publish a policy file as the authority's version in force
                                      (before it has cases; afterwards use the policy studio)
  schools:import --tenant S FILE [--links]
                                      import a GIAS "all establishment data" CSV (or a links file)
  user:create --tenant S --email E --name N --role R [--school URN] [--password P]
                                      add a user (a school role needs --school); prints a
                                      generated password unless one is given
  export --tenant S [--out FILE]      the authority's data as JSON (policies, schools, users
                                      without passwords, cases with their events, forms, audit)
  demo                                load the demo authorities into an empty database`;

/** Thrown for a mistake in how the command was called: printed with exit code 2. */
class UsageError extends Error {}

function readJsonFile(file: string | undefined, what: string): unknown {
  if (!file) throw new UsageError(`Give the ${what} file.`);
  let text: string;
  try {
    text = readFileSync(path.resolve(readEnv().invocationDir, file), "utf8");
  } catch (error) {
    throw new UsageError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`,
    );
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
    console.log(
      `${file}: valid${note}${warnings ? `, with ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`,
    );
    for (const p of problems) console.log(`${p.pointer || "/"}: warning: ${p.message}`);
  } else {
    for (const p of problems)
      console.log(`${p.pointer || "/"}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`);
    console.log(
      `${file}${note}: ${errors.length} ${errors.length === 1 ? "error" : "errors"}${warnings ? `, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : ""}.`,
    );
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

/** Opens the database the server would use; brings it up to date first unless `migrate` is false (status only looks). */
async function withDatabase(
  fn: (database: StewardDatabase) => Promise<number>,
  { migrate = true } = {},
): Promise<number> {
  const env = readEnv();
  const database = await connectDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.databaseUrl ? undefined : env.dataDir,
  });
  try {
    if (migrate) await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function tenantOf(database: StewardDatabase, slug: string | undefined) {
  if (!slug) throw new UsageError("Name the authority with --tenant <slug> (pnpm steward tenants lists them).");
  const tenant = await findTenantBySlug(database.db, slug);
  if (!tenant) throw new UsageError(`There is no authority "${slug}" (pnpm steward tenants lists them).`);
  return tenant;
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
      return withDatabase(
        async (database) => {
          const level = await getMigrationLevel(database.db);
          console.log(`Database: ${database.kind} (${database.location})`);
          console.log(
            `Migration: ${level.current ?? "none: not migrated"} (${level.applied} applied, ${level.pending} pending)`,
          );
          return 0;
        },
        { migrate: command === "migrate" },
      );
    case "tenants":
      return withDatabase(async (database) => {
        for (const tenant of await listTenants(database.db))
          console.log(`${tenant.slug}\t${tenant.la_code ?? ""}\t${tenant.name}`);
        return 0;
      });
    case "tenant:create": {
      const { values } = parseArgs({
        args: rest,
        options: { slug: { type: "string" }, name: { type: "string" }, policy: { type: "string" } },
      });
      if (!values.slug || !values.policy)
        throw new UsageError(
          "tenant:create needs --slug and --policy, e.g. --slug north-shire --policy north-shire.json.",
        );
      const policy = readJsonFile(values.policy, "policy");
      return withDatabase(async (database) => {
        const { tenant } = await provisionTenant(database.db, {
          slug: values.slug!,
          ...(values.name ? { name: values.name } : {}),
          policy,
        });
        console.log(`Created ${tenant.name} (${tenant.slug}) with its policy published as version 1.`);
        return 0;
      });
    }
    case "policy:publish": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { tenant: { type: "string" } },
      });
      const policy = readJsonFile(positionals[0], "policy");
      return withDatabase(async (database) => {
        const row = await publishPolicyFile(database.db, (await tenantOf(database, values.tenant)).id, policy);
        console.log(`Published version ${row.version}.`);
        return 0;
      });
    }
    case "schools:import": {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { tenant: { type: "string" }, links: { type: "boolean" } },
      });
      const file = positionals[0];
      if (!file) throw new UsageError("Give the CSV file.");
      const text = readFileSync(path.resolve(readEnv().invocationDir, file), "utf8");
      return withDatabase(async (database) => {
        const tenant = await tenantOf(database, values.tenant);
        if (values.links) {
          const { links, rejected } = readLinksFile(text);
          let linked = 0;
          await withTenant(database.db, tenant.id, async (trx) => {
            const byUrn = new Map<number, unknown[]>();
            for (const l of links)
              byUrn.set(l.urn, [
                ...(byUrn.get(l.urn) ?? []),
                { urn: l.linkUrn, name: l.linkName, type: l.linkType, established: l.established },
              ]);
            for (const [urn, list] of byUrn) if (await mergeSchoolData(trx, urn, { links: list })) linked++;
          });
          console.log(`Links recorded for ${linked} schools; ${rejected.length} rows rejected.`);
          for (const r of rejected) console.log(`  line ${r.line}: ${r.reason}`);
          return rejected.length ? 1 : 0;
        }
        const read = readGiasFile(text, { laCode: tenant.la_code });
        const result = await provisionSchools(database.db, tenant.id, read.schools);
        console.log(
          `${result.added.length} added, ${result.updated.length} updated, ${result.unchanged.length} unchanged, ${read.skipped.length} left out (other LAs, independent), ${read.rejected.length} rejected.`,
        );
        for (const r of read.rejected) console.log(`  line ${r.line}${r.urn ? ` (URN ${r.urn})` : ""}: ${r.reason}`);
        return read.rejected.length ? 1 : 0;
      });
    }
    case "user:create": {
      const { values } = parseArgs({
        args: rest,
        options: {
          tenant: { type: "string" },
          email: { type: "string" },
          name: { type: "string" },
          role: { type: "string", multiple: true },
          school: { type: "string" },
          password: { type: "string" },
        },
      });
      if (!values.email || !values.name || !values.role?.length)
        throw new UsageError(
          'user:create needs --email, --name and --role, e.g. --email a@la.gov.uk --name "A Adviser" --role school-improvement-adviser.',
        );
      const schoolUrn = values.school ? Number(values.school) : undefined;
      if (values.school && !Number.isInteger(schoolUrn))
        throw new UsageError("--school is the school's URN, a whole number.");
      const password = values.password ?? randomBytes(12).toString("base64url");
      if (password.length < 12) throw new UsageError("A password has at least 12 characters.");
      return withDatabase(async (database) => {
        const tenant = await tenantOf(database, values.tenant);
        const user = await provisionUser(database.db, tenant.id, {
          email: values.email!,
          displayName: values.name!,
          password,
          grants: values.role!.map((role) => (schoolUrn ? { role, schoolUrn } : { role })),
        });
        console.log(`Created ${user.display_name} <${user.email}>.${values.password ? "" : ` Password: ${password}`}`);
        return 0;
      });
    }
    case "export": {
      const { values } = parseArgs({ args: rest, options: { tenant: { type: "string" }, out: { type: "string" } } });
      return withDatabase(async (database) => {
        const tenant = await tenantOf(database, values.tenant);
        const data = await withTenant(database.db, tenant.id, async (trx) => ({
          format: "steward-tenant-export/1",
          exportedAt: new Date().toISOString(),
          tenant: { slug: tenant.slug, name: tenant.name, laCode: tenant.la_code },
          policyVersions: await trx.selectFrom("policy_versions").selectAll().orderBy("version").execute(),
          schools: await trx.selectFrom("schools").selectAll().orderBy("urn").execute(),
          users: await trx
            .selectFrom("users")
            .select(["id", "email", "display_name", "status", "grants", "created_at", "last_sign_in_at"])
            .orderBy("email")
            .execute(),
          cases: await trx.selectFrom("cases").selectAll().orderBy("opened_at").execute(),
          caseEvents: await trx.selectFrom("case_events").selectAll().orderBy("case_id").orderBy("seq").execute(),
          formResponses: await trx.selectFrom("form_responses").selectAll().orderBy("created_at").execute(),
          audit: await trx.selectFrom("audit_log").selectAll().orderBy("id").execute(),
        }));
        const json = `${JSON.stringify(data, null, 2)}\n`;
        if (values.out) {
          writeFileSync(path.resolve(readEnv().invocationDir, values.out), json);
          console.log(
            `Wrote ${values.out}: ${data.schools.length} schools, ${data.cases.length} cases, ${data.caseEvents.length} events.`,
          );
        } else process.stdout.write(json);
        return 0;
      });
    }
    case "demo":
      return withDatabase(async (database) => {
        if ((await listTenants(database.db)).length > 0)
          throw new UsageError("The database already has authorities: the demo loads only into an empty one.");
        const report = await seedDemo(database, { log: console.log });
        console.log(`Demo loaded. Every demo user's password is "${DEMO_PASSWORD}".`);
        for (const t of report.tenants) for (const u of t.users) console.log(`  ${t.slug}\t${u.email}\t${u.roles}`);
        return 0;
      });
    default:
      throw new UsageError(`Unknown command "${command}". Run "pnpm steward help".`);
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ProvisionError || error instanceof RegisterFileError) {
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof UsageError || (error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      console.error((error as Error).message);
      process.exit(2);
    }
    if (error instanceof DbError && error.code === "conflict")
      console.error("That already exists: choose another slug.");
    else if (error instanceof DbError && error.code === "invalid")
      console.error(`Not accepted: ${error.message}. A slug is lower-case letters, digits and single hyphens.`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
