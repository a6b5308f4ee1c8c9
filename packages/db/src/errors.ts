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
  | "immutable"
  /** Two transactions changed the same thing at once (serialisation failure, deadlock): the loser may try again. */
  | "concurrent"
  /** The embedded database's queue for its one connection is full, or a caller waited too long: try again shortly. */
  | "busy";

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
  // Data exceptions: a value the column's type cannot hold.
  "22001": "invalid", // string too long
  "22003": "invalid", // numeric value out of range (a URN beyond integer)
  "22007": "invalid", // invalid datetime format
  "22008": "invalid", // datetime field overflow (year 0, year 10000)
  "22021": "invalid", // invalid byte sequence (a NUL in text)
  "22P02": "invalid", // invalid text representation
  "22P05": "invalid", // untranslatable character (\u0000 or a lone surrogate in JSON)
  "54000": "invalid", // program limit exceeded (a value too large for an index)
  "40001": "concurrent", // serialization failure
  "40P01": "concurrent", // deadlock
  "23P01": "conflict", // exclusion violation
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
  const code = "code" in error ? error.code : undefined;
  const constraint = "constraint" in error && typeof error.constraint === "string" ? error.constraint : undefined;
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
