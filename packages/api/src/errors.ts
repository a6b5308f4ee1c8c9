import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

import { AccessTranslationError, DbError, translateDbError } from "@steward/db";
import { CodedError, DomainError, type DomainErrorCode } from "@steward/domain";

/** The API's own refusals, beside the domain's and the database's. */
export type ApiErrorCode =
  /** No valid session: sign in. */
  | "unauthenticated"
  /** A mutation without the session's CSRF token. */
  | "csrf"
  /** Too many attempts in a short time. */
  | "rate-limited"
  /** The account is locked after repeated failed sign-ins. */
  | "locked"
  /** A record was changed by someone else since it was read. */
  | "stale";

export class ApiError extends CodedError<ApiErrorCode> {
  constructor(code: ApiErrorCode, message: string, pointer?: string) {
    super("ApiError", code, message, pointer);
  }
}

/** Every stable code a client can receive. */
export type StewardErrorCode = ApiErrorCode | DomainErrorCode | DbError["code"] | "internal";

/** The one map from a stable code to a tRPC (and so HTTP) status. */
const TRPC_CODES: Record<StewardErrorCode, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: "UNAUTHORIZED",
  csrf: "FORBIDDEN",
  "rate-limited": "TOO_MANY_REQUESTS",
  locked: "TOO_MANY_REQUESTS",
  stale: "CONFLICT",
  "unknown-role": "BAD_REQUEST",
  "invalid-grant": "BAD_REQUEST",
  forbidden: "FORBIDDEN",
  "not-found": "NOT_FOUND",
  invalid: "BAD_REQUEST",
  conflict: "CONFLICT",
  "not-applicable": "UNPROCESSABLE_CONTENT",
  reference: "BAD_REQUEST",
  "append-only": "CONFLICT",
  immutable: "CONFLICT",
  concurrent: "CONFLICT",
  busy: "SERVICE_UNAVAILABLE",
  internal: "INTERNAL_SERVER_ERROR",
};

/** Messages for database refusals: the database's own text is for the log. */
const DB_MESSAGES: Record<DbError["code"], string> = {
  conflict: "That already exists: choose another value.",
  reference: "That refers to something that does not exist.",
  invalid: "A value is not valid.",
  forbidden: "Not found.",
  "append-only": "That record is part of the history and cannot change.",
  immutable: "That record is final and cannot change.",
  concurrent: "Someone else changed this at the same moment: reload the page and try again.",
  busy: "Steward is busy: try again in a moment.",
};

export class StewardTRPCError extends TRPCError {
  readonly stewardCode: StewardErrorCode;
  readonly pointer: string | undefined;
  constructor(code: StewardErrorCode, message: string, pointer: string | undefined, cause?: unknown) {
    super({ code: TRPC_CODES[code], message, cause });
    this.stewardCode = code;
    this.pointer = pointer;
  }
}

/** Turns whatever a procedure threw into the error a client sees: a stable code, a sentence, and where. */
export function toClientError(error: unknown): TRPCError {
  if (error instanceof StewardTRPCError) return error;
  // A database error keeps its meaning wherever it was raised (a statement, the COMMIT, inside `withTenant` or after it).
  const cause = translateDbError(error instanceof TRPCError && error.cause ? error.cause : error);
  if (cause instanceof StewardTRPCError) return cause;
  if (cause instanceof ApiError || cause instanceof DomainError)
    return new StewardTRPCError(cause.code, cause.message, cause.pointer, cause);
  if (cause instanceof DbError) {
    // Row-level security refusing a row means "not yours": never say more.
    if (cause.code === "forbidden") return new StewardTRPCError("not-found", "Not found.", undefined, cause);
    return new StewardTRPCError(cause.code, DB_MESSAGES[cause.code], undefined, cause);
  }
  if (cause instanceof AccessTranslationError)
    return new StewardTRPCError(
      "forbidden",
      "Your permissions cannot be applied to this list: ask your policy administrator.",
      undefined,
      cause,
    );
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return error;
  return new StewardTRPCError(
    "internal",
    "Something went wrong on our side. Try again, and tell support if it keeps happening.",
    undefined,
    cause,
  );
}

/** "Not found", the same whether the record does not exist or belongs to someone the user may not see. */
export const notFound = (what = "That record") => new DomainError("not-found", `${what} was not found.`);
