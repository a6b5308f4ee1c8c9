// The embedded database's one connection under a queue of callers (PGlite only: PostgreSQL has a pool).
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";

import { connectDatabase, type StewardDatabase } from "./connection.ts";
import { DbError } from "./errors.ts";

let database: StewardDatabase | undefined;

afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** A transaction that holds the connection until `release` is called. */
function holdConnection(db: StewardDatabase["db"]) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const holding = new Promise<void>((resolve) => (entered = resolve));
  const done = db.transaction().execute(async (trx) => {
    await sql`select 1`.execute(trx);
    entered();
    await released;
  });
  return { holding, release, done };
}

const selectOne = (db: StewardDatabase["db"]) =>
  sql<{ n: number }>`select 1 as n`.execute(db).then((r) => r.rows[0]?.n);

describe("the embedded database's queue", () => {
  it("refuses a caller with 'busy' once the queue is full, serves the waiters in order, and keeps working", async () => {
    database = await connectDatabase({ queue: { maxWaiting: 2 } });
    const { db } = database;
    const holder = holdConnection(db);
    await holder.holding;
    const order: string[] = [];
    const first = selectOne(db).then(() => order.push("first"));
    const second = selectOne(db).then(() => order.push("second"));
    const refused = await selectOne(db).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DbError);
    expect(refused).toMatchObject({ code: "busy" });
    holder.release();
    await Promise.all([holder.done, first, second]);
    expect(order).toEqual(["first", "second"]);
    expect(await selectOne(db)).toBe(1);
  });

  it("refuses a caller whose wait runs out, and the caller after it is served", async () => {
    database = await connectDatabase({ queue: { maxWaitMs: 1000 } });
    const { db } = database;
    const holder = holdConnection(db);
    await holder.holding;
    const refused = await selectOne(db).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "busy" });
    const next = selectOne(db);
    holder.release();
    await holder.done;
    expect(await next).toBe(1);
  });

  it("waits without bound when no limits are given (the CLI, the demo load, tests)", async () => {
    database = await connectDatabase({});
    const { db } = database;
    const holder = holdConnection(db);
    await holder.holding;
    const waiters = Array.from({ length: 200 }, () => selectOne(db));
    holder.release();
    expect(await Promise.all(waiters)).toEqual(Array.from({ length: 200 }, () => 1));
    await holder.done;
  });
});
