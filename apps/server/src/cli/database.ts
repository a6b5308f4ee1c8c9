// How a CLI command reaches the database the server would use, and names an authority in it.
import { connectDatabase, findTenantBySlug, migrateToLatest, type StewardDatabase, type Tenant } from "@steward/db";

import { readEnv } from "../env.ts";
import { UsageError } from "./usage.ts";

/** Opens the database the server would use and closes it afterwards; brings it up to date first unless `migrate` is false (status only looks). */
export async function withDatabase(
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

/** The authority `--tenant` names, or a usage error pointing at `pnpm steward tenants`. */
export async function tenantOf(database: StewardDatabase, slug: string | undefined): Promise<Tenant> {
  if (!slug) throw new UsageError("Name the authority with --tenant <slug> (pnpm steward tenants lists them).");
  const tenant = await findTenantBySlug(database.db, slug);
  if (!tenant) throw new UsageError(`There is no authority "${slug}" (pnpm steward tenants lists them).`);
  return tenant;
}
