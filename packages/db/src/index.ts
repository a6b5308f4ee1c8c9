export { connectDatabase, redactUrl, type ConnectOptions, type DatabaseKind, type StewardDatabase } from "./connection.ts";
export { DataDirLockedError } from "./data-dir-lock.ts";
export { DbError, translateDbError, translatingDbErrors, type DbErrorCode } from "./errors.ts";
export { getMigrationLevel, migrateToLatest, type MigrationLevel } from "./migrate.ts";
export * from "./schema.ts";
export { withSystem, withTenant, type TenantTransaction } from "./tenant.ts";
export { createTenant, findTenantBySlug, listTenants } from "./tenants.queries.ts";
