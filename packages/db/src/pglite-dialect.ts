import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

import { DbError } from "./errors.ts";

/**
 * How long the queue for the embedded database's one connection may grow. Past either bound a caller is
 * refused at once with a `DbError` "busy" (the API answers 503 with Retry-After) rather than waiting
 * without end: under a flood the requests that do get in are answered in a reasonable time.
 */
export interface PGliteQueueLimits {
  /** Callers that may wait for the connection at once; one more is refused. */
  maxWaiting: number;
  /** How long a caller may wait for the connection (milliseconds) before it is refused. */
  maxWaitMs: number;
}

/** No bound: the CLI, the demo load and tests wait as long as they must. */
const UNBOUNDED: PGliteQueueLimits = { maxWaiting: Number.POSITIVE_INFINITY, maxWaitMs: Number.POSITIVE_INFINITY };

/** The refusal a caller gets when the queue is full or its wait ran out. */
function busyError(reason: string): DbError {
  return new DbError("busy", `The embedded database is busy: ${reason}.`, { cause: undefined });
}

/**
 * A Kysely dialect for the embedded PGlite database.
 *
 * PGlite is a single PostgreSQL session. If two Kysely transactions held it at
 * once, their BEGIN, SET LOCAL and queries would interleave on that one session:
 * one request's tenant setting would apply to another's query. So the driver
 * hands out its one connection to one holder at a time, in arrival order, and
 * every other caller waits for it to be released, within `limits`.
 */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite;
  readonly #limits: PGliteQueueLimits;

  constructor(pglite: PGlite, limits: Partial<PGliteQueueLimits> = {}) {
    this.#pglite = pglite;
    this.#limits = { ...UNBOUNDED, ...limits };
  }

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#pglite, this.#limits);
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** A caller waiting for the connection: granted in arrival order, or refused when its wait runs out. */
interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout | undefined;
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  readonly #limits: PGliteQueueLimits;
  readonly #waiting: Waiter[] = [];
  #held = false;
  #idle: (() => void) | undefined;

  constructor(pglite: PGlite, limits: PGliteQueueLimits) {
    this.#connection = new PGliteConnection(pglite);
    this.#limits = limits;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#held) {
      this.#held = true;
      return this.#connection;
    }
    if (this.#waiting.length >= this.#limits.maxWaiting)
      throw busyError(`${this.#waiting.length} requests are already waiting for it`);
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, timer: undefined };
      if (Number.isFinite(this.#limits.maxWaitMs)) {
        waiter.timer = setTimeout(() => {
          this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
          reject(busyError(`no turn came within ${this.#limits.maxWaitMs} ms`));
        }, this.#limits.maxWaitMs);
      }
      this.#waiting.push(waiter);
    });
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel || settings.accessMode) {
      const parts = ["start transaction"];
      if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
      if (settings.accessMode) parts.push(settings.accessMode);
      await connection.executeQuery(CompiledQuery.raw(parts.join(" ")));
    } else {
      await connection.executeQuery(CompiledQuery.raw("begin"));
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
  }

  /** Hands the connection straight to the next waiter (it stays held), or marks it free. */
  releaseConnection(): Promise<void> {
    const next = this.#waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.grant();
    } else {
      this.#held = false;
      this.#idle?.();
    }
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    // Wait for the holder and every waiter to finish before the owner closes PGlite.
    if (!this.#held) return;
    await new Promise<void>((resolve) => {
      this.#idle = resolve;
    });
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    return {
      rows: result.rows,
      ...(isWriteStatement(compiledQuery.sql) ? { numAffectedRows: BigInt(result.affectedRows ?? 0) } : {}),
    };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming queries are not supported on the embedded database.");
  }
}

/** Whether a statement reports affected rows (as `pg` does for INSERT, UPDATE, DELETE and MERGE). */
function isWriteStatement(sqlText: string): boolean {
  return /^\s*(with\b[\s\S]*\b)?(insert|update|delete|merge)\b/i.test(sqlText);
}
