import { parseArgs } from "node:util";
import { connectDatabase, createTenant, DbError, getMigrationLevel, listTenants, migrateToLatest } from "@steward/db";
import { readEnv } from "./env.ts";

const HELP = `Usage: pnpm steward <command> [options]

Commands:
  status                              the database in use and its migration level
  migrate                             apply pending migrations
  tenants                             list the authorities on this database
  tenant:create --slug S --name N [--la-code C]
                                      add an authority

The database is the one the server would use: DATABASE_URL, or the embedded
database in STEWARD_DATA_DIR (default .data/ at the repository root). Stop the
server before using the CLI on the embedded database.`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    return 0;
  }
  const env = readEnv();
  const database = await connectDatabase({ databaseUrl: env.databaseUrl, dataDir: env.databaseUrl ? undefined : env.dataDir });
  try {
    await migrateToLatest(database.db);
    switch (command) {
      case "status":
      case "migrate": {
        const level = await getMigrationLevel(database.db);
        console.log(`Database: ${database.kind} (${database.location})`);
        console.log(`Migration: ${level.current} (${level.applied} applied, ${level.pending} pending)`);
        return 0;
      }
      case "tenants": {
        for (const tenant of await listTenants(database.db)) console.log(`${tenant.slug}\t${tenant.la_code ?? ""}\t${tenant.name}`);
        return 0;
      }
      case "tenant:create": {
        const { values } = parseArgs({
          args: rest,
          options: { slug: { type: "string" }, name: { type: "string" }, "la-code": { type: "string" } },
        });
        if (!values.slug || !values.name) {
          console.error("tenant:create needs --slug and --name, e.g. --slug north-shire --name \"North Shire County Council\".");
          return 2;
        }
        const tenant = await createTenant(database.db, { slug: values.slug, name: values.name, la_code: values["la-code"] ?? null });
        console.log(`Created ${tenant.name} (${tenant.slug}), id ${tenant.id}.`);
        return 0;
      }
      default:
        console.error(`Unknown command "${command}".\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof DbError && error.code === "conflict") {
      console.error("That already exists: choose another slug.");
      return 1;
    }
    if (error instanceof DbError && error.code === "invalid") {
      console.error(`Not accepted: ${error.message}. A slug is lower-case letters, digits and single hyphens.`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
