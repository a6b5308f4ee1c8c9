// The operator CLI (`pnpm steward <command>`): a table of commands, one function
// each in ./cli/, and one place that turns a failure into a message and an exit code.
import { ProvisionError, RegisterFileError } from "@steward/api";
import { DbError } from "@steward/db";

import { backupCommand, restoreCommand } from "./cli/backup-commands.ts";
import { exportCommand, migrateCommand, schoolsImportCommand, statusCommand } from "./cli/data-commands.ts";
import { policyCommand } from "./cli/policy-files.ts";
import { linkOidcCommand, signInCommand } from "./cli/sign-in-commands.ts";
import {
  demoCommand,
  policyPublishCommand,
  tenantCreateCommand,
  tenantsCommand,
  userCreateCommand,
} from "./cli/tenant-commands.ts";
import { tickCommand } from "./cli/tick-command.ts";
import { UsageError, type Command } from "./cli/usage.ts";

const HELP = `Usage: pnpm steward <command> [options]

Policy files (no database needed):
  policy validate <file> [--json]     check a policy document: exit 0 if valid, 1 with one
                                      "pointer: message" line per problem
  policy diff <old> <new> [--json]    the changes between two policy documents, in words

Database (the one the server would use: DATABASE_URL, or the embedded database in
STEWARD_DATA_DIR, default .data/; stop the server before using the embedded one):
  status                              the database in use and its migration level (never migrates)
  migrate                             apply pending migrations (the other database commands
                                      do this first)
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
  tenant:sign-in --tenant S          how the authority's people sign in (passwords, identity providers)
  tenant:sign-in --tenant S --passwords on|off
                                      accept passwords or not (off needs an identity provider first)
  tenant:sign-in --tenant S --provider KEY --label "Sign in with …" --app admin|portal
      --issuer URL --client-id ID --client-secret-env NAME --match email|sub
      [--jit-role ROLE [--school-claim CLAIM]]
                                      add or replace an OpenID Connect provider: the secret is read
                                      from the environment variable NAME, never stored; --jit-role
                                      creates unknown people with that role of the published policy
                                      (a school role needs the claim carrying the school's URN)
  tenant:sign-in --tenant S --remove-provider KEY
  user:link-oidc --tenant S --provider KEY --email E --subject SUB
                                      link a user to their subject at a provider that matches by sub
  export --tenant S [--out FILE]      the authority's data as JSON (policies, schools, users
                                      without passwords, cases with their events, forms, audit)
  tick [--date YYYY-MM-DD] [--tenant S]
                                      the daily check: take every open case's automatic
                                      transitions that hold on the day, for every authority
                                      or one; by default the days owed up to today (missed
                                      days caught up, at most 14), or one --date (never a
                                      future one); a day already checked is not run again
  demo                                load the demo authorities into an empty database

Backups of the embedded database (stop the server first; on PostgreSQL these print
the pg_dump/pg_restore command to use instead):
  backup --out FILE [--force]         the whole database as one file (a .tar.gz of its folder);
                                      --force overwrites FILE
  restore --from FILE [--force]       a backup as the database in STEWARD_DATA_DIR (an empty
                                      folder; --force replaces the database there)`;

const help: Command = () => {
  console.log(HELP);
  return 0;
};

const COMMANDS: Record<string, Command> = {
  help,
  "--help": help,
  policy: policyCommand,
  status: statusCommand,
  migrate: migrateCommand,
  tenants: tenantsCommand,
  "tenant:create": tenantCreateCommand,
  "policy:publish": policyPublishCommand,
  "schools:import": schoolsImportCommand,
  "user:create": userCreateCommand,
  "tenant:sign-in": signInCommand,
  "user:link-oidc": linkOidcCommand,
  export: exportCommand,
  tick: tickCommand,
  demo: demoCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

async function run([command = "help", ...args]: string[]): Promise<number> {
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!handler) throw new UsageError(`Unknown command "${command}". Run "pnpm steward help".`);
  return handler(args);
}

/** node:util's parseArgs refusing an option it was not told of: a mistake in the call. */
function isUnknownOption(error: unknown): error is Error {
  return error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION";
}

/** The message to print for a failure and the exit code: 2 for a mistake in the call, 1 for anything else. */
function describeFailure(error: unknown): { message: unknown; code: number } {
  if (error instanceof ProvisionError || error instanceof RegisterFileError) return { message: error.message, code: 1 };
  if (error instanceof UsageError || isUnknownOption(error)) return { message: error.message, code: 2 };
  if (error instanceof DbError && error.code === "conflict")
    return { message: "That already exists: choose another slug.", code: 1 };
  if (error instanceof DbError && error.code === "invalid")
    return {
      message: `Not accepted: ${error.message}. A slug is lower-case letters, digits and single hyphens.`,
      code: 1,
    };
  return { message: error instanceof Error ? error.message : error, code: 1 };
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const { message, code } = describeFailure(error);
    console.error(message);
    process.exit(code);
  },
);
