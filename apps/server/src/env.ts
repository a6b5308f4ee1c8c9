// The only place the server reads its environment.
import { isIP } from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function readPort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(value)}.`);
  }
  return port;
}

/** Which reverse proxies' X-Forwarded-* headers to believe: how many hops, or which addresses; never everyone. */
export type TrustProxy = number | string[];

/** Names proxy-addr (fastify's trustProxy) understands for address ranges. */
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * STEWARD_TRUST_PROXY: unset or empty trusts no proxy; a whole number is the
 * count of proxies in front of Steward (1: one reverse proxy); otherwise a
 * comma-separated list of addresses or CIDR ranges (or loopback, linklocal,
 * uniquelocal). `true` (every proxy, so any client could claim any address) is refused.
 */
export function readTrustProxy(value: string | undefined): TrustProxy | false {
  const text = value?.trim() ?? "";
  if (text === "" || text === "0") return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10)
      throw new Error(`STEWARD_TRUST_PROXY is the number of proxies in front of Steward (1 to 10), not ${hops}.`);
    return hops;
  }
  const entries = text.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    if (RANGE_NAMES.has(entry)) continue;
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address ?? "");
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk || extra !== undefined) {
      throw new Error(
        `STEWARD_TRUST_PROXY must be the number of proxies in front of Steward (e.g. 1) or a comma-separated list of their addresses or CIDR ranges (e.g. 10.0.0.5,192.168.0.0/24): ${JSON.stringify(entry)} is neither.${/^(true|yes|on|\*)$/i.test(entry) ? " Trusting every proxy would let any client claim any address." : ""}`,
      );
    }
  }
  return entries;
}

/**
 * STEWARD_DEMO: "1" loads the demo authorities into an empty database, "0"
 * never does. Unset, the demo loads only on the embedded database: a
 * PostgreSQL database (DATABASE_URL) never receives demo users with a
 * published password unless asked.
 */
export function readDemo(value: string | undefined, databaseUrl: string | undefined): boolean {
  const text = value?.trim() ?? "";
  if (text === "") return databaseUrl === undefined;
  if (text === "1") return true;
  if (text === "0") return false;
  throw new Error(
    `STEWARD_DEMO must be 1 (load the demo into an empty database) or 0 (never), not ${JSON.stringify(value)}.`,
  );
}

function readTimeout(value: string | undefined): number {
  if (value === undefined || value === "") return 10_000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new Error(
      `STEWARD_POLICY_CHECK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000, not ${JSON.stringify(value)}.`,
    );
  }
  return ms;
}

/** A whole number within bounds, or the default when unset; otherwise a sentence naming the variable. */
function readWhole(name: string, value: string | undefined, fallback: number, min: number, max: number, unit: string) {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be a whole number of ${unit} from ${min} to ${max}, not ${JSON.stringify(value)}.`);
  }
  return number;
}

/**
 * WORKERS: how many server processes share the port (node:cluster). Unset or 1: one process; `auto`:
 * one per CPU core. More than one needs PostgreSQL (DATABASE_URL): the embedded database's folder
 * belongs to one process, so that combination is refused with a sentence saying so.
 */
export function readWorkers(
  value: string | undefined,
  databaseUrl: string | undefined,
  cores = availableParallelism(),
) {
  const text = value?.trim() ?? "";
  const workers = text === "auto" ? cores : readWhole("WORKERS", text, 1, 1, 64, "processes (or auto)");
  if (workers > 1 && databaseUrl === undefined) {
    throw new Error(
      `WORKERS=${text} needs PostgreSQL (DATABASE_URL): the embedded database's folder is opened by one process only. Set WORKERS=1 (the default) or give a DATABASE_URL.`,
    );
  }
  return workers;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** LOG_LEVEL: the least severe request log lines written (default info); LOG_PRETTY=1: readable lines for development, not JSON. */
export function readLogging(level: string | undefined, pretty: string | undefined): { level: string; pretty: boolean } {
  const text = level?.trim().toLowerCase() || "info";
  if (!LOG_LEVELS.includes(text))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not ${JSON.stringify(level)}.`);
  const prettyText = pretty?.trim() ?? "";
  if (prettyText !== "" && prettyText !== "0" && prettyText !== "1")
    throw new Error(
      `LOG_PRETTY must be 1 (readable lines, for development) or 0 (JSON lines), not ${JSON.stringify(pretty)}.`,
    );
  return { level: text, pretty: prettyText === "1" };
}

/** STEWARD_METRICS_TOKEN: the bearer token `/metrics` asks for (unset: `/metrics` is not served); at least 16 characters. */
export function readMetricsToken(value: string | undefined): string | undefined {
  const text = value?.trim() ?? "";
  if (text === "") return undefined;
  if (text.length < 16 || /\s/.test(text))
    throw new Error(
      "STEWARD_METRICS_TOKEN must be at least 16 characters without spaces (e.g. the output of `openssl rand -hex 32`).",
    );
  return text;
}

/** How Steward sends mail: STEWARD_MAIL_TRANSPORT and the settings of the one it names (see docs/operations.md). */
export type MailEnv =
  | { transport: "outbox"; dataDir: string }
  | { transport: "smtp"; url: string }
  | { transport: "notify"; apiKey: string; templateId: string };

/**
 * STEWARD_MAIL_TRANSPORT: `outbox` (the default: each message written as an .eml file under
 * `<data folder>/outbox/<authority>/`, nothing leaves the machine), `smtp` (STEWARD_SMTP_URL) or `notify`
 * (GOV.UK Notify: STEWARD_NOTIFY_API_KEY and STEWARD_NOTIFY_TEMPLATE_ID, a template whose subject is
 * ((subject)) and body ((body))). A missing setting is refused with a sentence naming it.
 */
export function readMail(env: NodeJS.ProcessEnv, dataDir: string): MailEnv {
  const transport = env.STEWARD_MAIL_TRANSPORT?.trim() || "outbox";
  if (transport === "outbox") return { transport, dataDir };
  if (transport === "smtp") {
    const url = env.STEWARD_SMTP_URL?.trim() ?? "";
    if (!/^smtps?:\/\//.test(url))
      throw new Error(
        "STEWARD_MAIL_TRANSPORT=smtp needs STEWARD_SMTP_URL, the SMTP server as smtp://user:password@host:587 (or smtps:// for TLS from the start).",
      );
    return { transport, url };
  }
  if (transport === "notify") {
    const apiKey = env.STEWARD_NOTIFY_API_KEY?.trim() ?? "";
    const templateId = env.STEWARD_NOTIFY_TEMPLATE_ID?.trim() ?? "";
    if (!apiKey || !templateId)
      throw new Error(
        "STEWARD_MAIL_TRANSPORT=notify needs STEWARD_NOTIFY_API_KEY (the service's API key) and STEWARD_NOTIFY_TEMPLATE_ID (an email template whose subject is ((subject)) and body ((body))).",
      );
    return { transport, apiKey, templateId };
  }
  throw new Error(
    `STEWARD_MAIL_TRANSPORT must be outbox (the default: .eml files in the data folder), smtp or notify, not ${JSON.stringify(transport)}.`,
  );
}

/** The clock's settings: whether it runs (STEWARD_CLOCK), its daily time and time zone. */
interface ClockEnv {
  enabled: boolean;
  time: string;
  timeZone: string;
}

/**
 * STEWARD_CLOCK (`on`, the default, or `off`: a host that runs `pnpm steward tick` from cron instead, or a
 * test), STEWARD_CLOCK_TIME (`HH:MM`, default 06:00) and STEWARD_CLOCK_TIME_ZONE (an IANA name, default
 * Europe/London): when the daily jobs run.
 */
function readClock(env: NodeJS.ProcessEnv): ClockEnv {
  const switched = env.STEWARD_CLOCK?.trim() || "on";
  if (switched !== "on" && switched !== "off")
    throw new Error(`STEWARD_CLOCK must be on (the default) or off, not ${JSON.stringify(env.STEWARD_CLOCK)}.`);
  const time = env.STEWARD_CLOCK_TIME?.trim() || "06:00";
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
    throw new Error(`STEWARD_CLOCK_TIME is a time of day like 06:00 (24-hour, HH:MM), not ${JSON.stringify(time)}.`);
  const timeZone = env.STEWARD_CLOCK_TIME_ZONE?.trim() || "Europe/London";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
  } catch {
    throw new Error(`STEWARD_CLOCK_TIME_ZONE is a time zone like Europe/London, not ${JSON.stringify(timeZone)}.`);
  }
  return { enabled: switched === "on", time, timeZone };
}

export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  repoRoot: string;
  /** Load the demo authorities when the database has none (by default only on the embedded database). */
  demo: boolean;
  /** The reverse proxies whose X-Forwarded-* headers are believed (STEWARD_TRUST_PROXY), or none. */
  trustProxy: TrustProxy | false;
  /** How long checking a policy or rendering a letter preview may take on the policy worker (STEWARD_POLICY_CHECK_TIMEOUT_MS, default 10 seconds). */
  policyCheckTimeoutMs: number;
  /** Where the user ran the command (pnpm runs scripts in the package folder): relative paths start here. */
  invocationDir: string;
  /** Server processes sharing the port (WORKERS; 1 unless PostgreSQL). */
  workers: number;
  /** The embedded database's bounds on requests waiting for its one connection (STEWARD_DB_QUEUE_LIMIT, STEWARD_DB_QUEUE_TIMEOUT_MS). */
  dbQueue: { maxWaiting: number; maxWaitMs: number };
  /** Request logs: the level (LOG_LEVEL) and whether to write readable lines rather than JSON (LOG_PRETTY). */
  logging: { level: string; pretty: boolean };
  /** The bearer token for `/metrics` (STEWARD_METRICS_TOKEN); unset, `/metrics` answers 404. */
  metricsToken: string | undefined;
  /** How mail is sent (STEWARD_MAIL_TRANSPORT, ...). */
  mail: MailEnv;
  /** The From of every email (STEWARD_MAIL_FROM). */
  mailFrom: string;
  /** Where people reach Steward, for links in emails (STEWARD_PUBLIC_URL; default http://localhost:<PORT>). */
  publicUrl: string;
  /** The periodic jobs' clock (STEWARD_CLOCK, STEWARD_CLOCK_TIME, STEWARD_CLOCK_TIME_ZONE). */
  clock: ClockEnv;
  /** An OpenID Connect client secret, by the name of the environment variable an authority's settings give. */
  readSecret: (name: string) => string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const databaseUrl = env.DATABASE_URL || undefined;
  const port = readPort(env.PORT);
  const dataDir = path.resolve(env.STEWARD_DATA_DIR || path.join(repoRoot, ".data"));
  return {
    port,
    host: env.HOST || "127.0.0.1",
    databaseUrl,
    dataDir,
    repoRoot,
    invocationDir: env.INIT_CWD || process.cwd(),
    demo: readDemo(env.STEWARD_DEMO, databaseUrl),
    trustProxy: readTrustProxy(env.STEWARD_TRUST_PROXY),
    policyCheckTimeoutMs: readTimeout(env.STEWARD_POLICY_CHECK_TIMEOUT_MS),
    workers: readWorkers(env.WORKERS, databaseUrl),
    logging: readLogging(env.LOG_LEVEL, env.LOG_PRETTY),
    metricsToken: readMetricsToken(env.STEWARD_METRICS_TOKEN),
    clock: readClock(env),
    readSecret: (name) => env[name] || undefined,
    dbQueue: {
      maxWaiting: readWhole("STEWARD_DB_QUEUE_LIMIT", env.STEWARD_DB_QUEUE_LIMIT, 100, 1, 100_000, "requests"),
      maxWaitMs: readWhole(
        "STEWARD_DB_QUEUE_TIMEOUT_MS",
        env.STEWARD_DB_QUEUE_TIMEOUT_MS,
        10_000,
        100,
        600_000,
        "milliseconds",
      ),
    },
    mail: readMail(env, dataDir),
    mailFrom: env.STEWARD_MAIL_FROM?.trim() || "Steward <no-reply@steward.invalid>",
    publicUrl: (env.STEWARD_PUBLIC_URL?.trim() || `http://localhost:${port || 3000}`).replace(/\/+$/, ""),
  };
}
