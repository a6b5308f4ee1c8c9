/** What went wrong in the database, in terms the layers above can act on. */
export type DbErrorCode =
  /** A unique key already exists (e.g. a second user with the same email). */
  | "conflict"
  /** A referenced row does not exist, or a row is still referenced. */
  | "reference"
  /** A value broke a check constraint or a column's type. */
  | "invalid"
  /** Row-level security or a privilege refused the statement (e.g. a row for another tenant). */
  | "forbidden"
  /** An UPDATE, DELETE or TRUNCATE on an append-only table (case events, audit log). */
  | "append-only"
  /** A change to a policy version that has left draft. */
  | "immutable";

/** A database failure translated from PostgreSQL's SQLSTATE; the original error is its `cause`. */
export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly constraint: string | undefined;

  constructor(code: DbErrorCode, message: string, options: { cause: unknown; constraint?: string | undefined }) {
    super(message, { cause: options.cause });
    this.name = "DbError";
    this.code = code;
    this.constraint = options.constraint;
  }
}

const BY_SQLSTATE: Record<string, DbErrorCode> = {
  "23505": "conflict",
  "23503": "reference",
  "23514": "invalid",
  "23502": "invalid",
  "22P02": "invalid",
  "22007": "invalid",
  "22008": "invalid",
  "42501": "forbidden",
  SA001: "append-only",
  SA002: "immutable",
};

/**
 * Turns a PostgreSQL error (from `pg` or PGlite, which both carry `code`) into
 * a `DbError`; anything else is returned unchanged.
 */
export function translateDbError(error: unknown): unknown {
  if (error instanceof DbError || !(error instanceof Error)) return error;
  const { code, constraint } = error as Error & { code?: unknown; constraint?: string };
  if (typeof code !== "string") return error;
  const translated = BY_SQLSTATE[code];
  if (!translated) return error;
  return new DbError(translated, error.message, { cause: error, constraint });
}

/** Runs `fn`, rethrowing database errors as `DbError`. */
export async function translatingDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translateDbError(error);
  }
}
