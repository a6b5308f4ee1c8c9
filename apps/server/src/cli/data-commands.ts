// Commands about the database itself and an authority's data in bulk: its migration
// level (status looks, migrate changes), school imports and the export.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { provisionSchools, readGiasFile, readLinksFile } from "@steward/api";
import {
  getMigrationLevel,
  mergeSchoolData,
  readTenantExport,
  withTenant,
  type StewardDatabase,
  type Tenant,
} from "@steward/db";

import { tenantOf, withDatabase } from "./database.ts";
import { fromInvocation, readTextFile, type Command } from "./usage.ts";

async function printMigrationLevel(database: StewardDatabase): Promise<number> {
  const level = await getMigrationLevel(database.db);
  console.log(`Database: ${database.kind} (${database.location})`);
  console.log(
    `Migration: ${level.current ?? "none: not migrated"} (${level.applied} applied, ${level.pending} pending)`,
  );
  return 0;
}

/** `status` reports the database and its migration level and changes nothing (it never migrates). */
export const statusCommand: Command = () => withDatabase(printMigrationLevel, { migrate: false });

/** `migrate` applies pending migrations, then reports like `status`. */
export const migrateCommand: Command = () => withDatabase(printMigrationLevel, { migrate: true });

/** Records each school's links (from a GIAS links file) in its data; returns the exit code. */
async function importLinks(database: StewardDatabase, tenant: Tenant, text: string): Promise<number> {
  const { links, rejected } = readLinksFile(text);
  const byUrn = new Map<number, unknown[]>();
  for (const l of links)
    byUrn.set(l.urn, [
      ...(byUrn.get(l.urn) ?? []),
      { urn: l.linkUrn, name: l.linkName, type: l.linkType, established: l.established },
    ]);
  let linked = 0;
  await withTenant(database.db, tenant.id, async (trx) => {
    for (const [urn, list] of byUrn) if (await mergeSchoolData(trx, urn, { links: list })) linked++;
  });
  console.log(`Links recorded for ${linked} schools; ${rejected.length} rows rejected.`);
  for (const r of rejected) console.log(`  line ${r.line}: ${r.reason}`);
  return rejected.length ? 1 : 0;
}

async function importRegister(database: StewardDatabase, tenant: Tenant, text: string): Promise<number> {
  const read = readGiasFile(text, { laCode: tenant.la_code });
  const result = await provisionSchools(database.db, tenant.id, read.schools);
  console.log(
    `${result.added.length} added, ${result.updated.length} updated, ${result.unchanged.length} unchanged, ${read.skipped.length} left out (other LAs, independent), ${read.rejected.length} rejected.`,
  );
  for (const r of read.rejected) console.log(`  line ${r.line}${r.urn ? ` (URN ${r.urn})` : ""}: ${r.reason}`);
  return read.rejected.length ? 1 : 0;
}

export const schoolsImportCommand: Command = (args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { tenant: { type: "string" }, links: { type: "boolean" } },
  });
  const text = readTextFile(positionals[0], "CSV");
  return withDatabase(async (database) => {
    const tenant = await tenantOf(database, values.tenant);
    return values.links ? importLinks(database, tenant, text) : importRegister(database, tenant, text);
  });
};

export const exportCommand: Command = (args) => {
  const { values } = parseArgs({ args, options: { tenant: { type: "string" }, out: { type: "string" } } });
  return withDatabase(async (database) => {
    const tenant = await tenantOf(database, values.tenant);
    const data = {
      format: "steward-tenant-export/1",
      exportedAt: new Date().toISOString(),
      tenant: { slug: tenant.slug, name: tenant.name, laCode: tenant.la_code },
      ...(await withTenant(database.db, tenant.id, readTenantExport)),
    };
    const json = `${JSON.stringify(data, null, 2)}\n`;
    if (values.out) {
      writeFileSync(fromInvocation(values.out), json);
      console.log(
        `Wrote ${values.out}: ${data.schools.length} schools, ${data.cases.length} cases, ${data.caseEvents.length} events.`,
      );
    } else process.stdout.write(json);
    return 0;
  });
};
