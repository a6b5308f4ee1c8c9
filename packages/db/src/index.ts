export {
  ALLOW_ALL,
  AccessTranslationError,
  accessToSql,
  fieldScopeToSql,
  schoolAttributeColumns,
  type AccessCondition,
  type AccessFilter,
  type FieldScope,
} from "./access.ts";
export * from "./audit.queries.ts";
export { BackupError, backupEmbeddedDatabase, restoreEmbeddedDatabase, type BackupSummary } from "./backup.ts";
export * from "./cases.queries.ts";
export * from "./clock.queries.ts";
export {
  connectDatabase,
  redactUrl,
  type ConnectOptions,
  type DatabaseKind,
  type StewardDatabase,
} from "./connection.ts";
export { DataDirLockedError } from "./data-dir-lock.ts";
export { DbError, translateDbError, translatingDbErrors, type DbErrorCode } from "./errors.ts";
export * from "./forms.queries.ts";
export * from "./indicators.queries.ts";
export * from "./notifications.queries.ts";
export * from "./oidc.queries.ts";
export { getMigrationLevel, migrateToLatest, type MigrationLevel } from "./migrate.ts";
export * from "./policies.queries.ts";
export * from "./registers.queries.ts";
export * from "./schema.ts";
export * from "./schools.queries.ts";
export * from "./sessions.queries.ts";
export * from "./sign-in-throttle.queries.ts";
export * from "./tasks.queries.ts";
export { analyzeTenantTables } from "./statistics.ts";
export { isUuid, withSavepoint, withSystem, withTenant, type TenantTransaction } from "./tenant.ts";
export { createTenant, findOwnTenant, findTenant, findTenantBySlug, listTenants } from "./tenants.queries.ts";
export * from "./export.queries.ts";
export * from "./users.queries.ts";
