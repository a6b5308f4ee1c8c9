// The SQL a procedure runs, captured from the driver while the API serves one call, and replayed by hand on
// a raw connection under row-level security: the same statements without Node, tRPC, zod or CASL.
import pg from "pg";

export interface Statement {
  text: string;
  values: unknown[];
}

let recording: Statement[] | undefined;

type QueryFn = (...args: unknown[]) => unknown;
// Read off the prototype, called with the client as `this` (apply) below.
const original = Reflect.get(pg.Client.prototype, "query") as QueryFn;

/** Records the statements every pg client sends while `fn` runs (the API's pool uses pg.Client). */
export async function captureStatements(fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  recording = seen;
  const patched: QueryFn = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (recording && typeof first === "string")
      recording.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (recording && first && typeof first === "object" && "text" in first && typeof first.text === "string")
      recording.push({
        text: first.text,
        values: "values" in first && Array.isArray(first.values) ? first.values : [],
      });
    return original.apply(this, args);
  };
  pg.Client.prototype.query = patched as typeof pg.Client.prototype.query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original as typeof pg.Client.prototype.query;
    recording = undefined;
  }
  return seen;
}

const TRANSACTION = /^\s*(begin|commit|rollback|start transaction|savepoint|release|select set_config|set local role)/i;
/** Statements of the session, user and policy lookups every request makes, not of the procedure's own query. */
const PLUMBING =
  /\b(from|update|into)\s+"?(sessions|users|policy_versions|tenants|sign_in_throttle|audit_log)"?(\s|$)/i;

/** The statements of `captured` the procedure itself asked for (all: also the session and policy lookups). */
export function ownStatements(captured: readonly Statement[], all = false): Statement[] {
  return captured.filter((s) => !TRANSACTION.test(s.text) && (all || !PLUMBING.test(s.text)));
}

/** Replays statements in one tenant transaction as the application role (so row-level security applies). */
export async function replay(client: pg.Client, tenantId: string, statements: readonly Statement[]): Promise<void> {
  await client.query("begin");
  try {
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    await client.query("set local role steward_app");
    for (const s of statements) await client.query(s.text, s.values);
  } finally {
    await client.query("rollback");
  }
}
