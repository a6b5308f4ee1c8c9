// What an operator watches: structured request logs (pino through fastify), the health checks
// (/healthz, /readyz) and the Prometheus metrics (/metrics), all outside tRPC.
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import proxyAddr from "@fastify/proxy-addr";
import {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";

import { recordHttpRequest, renderMetrics } from "@steward/api";
import { getMigrationLevel, type StewardDatabase } from "@steward/db";

import type { TrustProxy } from "./env.ts";

/** How the server logs: JSON lines at a level (pretty, coloured lines only when asked, for development). */
export interface LogSettings {
  level: string;
  pretty?: boolean;
  /** Where the lines go (default standard output): a test's collector. */
  stream?: { write(line: string): void };
}

/** Who made a request and what it called, once known: what its completion line carries. */
interface RequestFacts {
  tenantId?: string;
  userId?: string;
  /** The tRPC path (procedure names, comma-separated for a batch). */
  procedure?: string;
  /** The tRPC error codes of the request's calls that failed. */
  errors: string[];
}

declare module "fastify" {
  interface FastifyRequest {
    steward: RequestFacts;
  }
}

/**
 * Never logged: cookies (the session), tokens and the CSRF header. The request serializer below
 * logs no headers at all; these paths also catch an object that carries them into a line (an error's cause).
 */
const REDACT = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  'headers["x-csrf-token"]',
  "cookie",
  "cookies",
  "password",
  "token",
  "csrfToken",
  "*.password",
  "*.token",
  "*.csrfToken",
  "*.cookie",
];

/** A request as a log line shows it: the method and path, never the query string (tRPC queries carry their input there). */
function serializeRequest(request: FastifyRequest) {
  return { method: request.method, path: request.url.split("?")[0], remoteAddress: request.ip };
}

/** fastify's logger options for the settings, or false for none. */
export function loggerOptions(settings: LogSettings | false): FastifyServerOptions["logger"] {
  if (!settings) return false;
  return {
    level: settings.level,
    redact: { paths: REDACT, censor: "[redacted]" },
    serializers: {
      req: serializeRequest,
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    ...(settings.stream ? { stream: settings.stream } : {}),
    ...(settings.pretty && !settings.stream
      ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" } } }
      : {}),
  };
}

/** Whether a peer at this address is a proxy we trust (STEWARD_TRUST_PROXY): only then is its X-Request-Id believed. */
function trustsPeer(trustProxy: TrustProxy | false): (address: string) => boolean {
  if (trustProxy === false) return () => false;
  if (typeof trustProxy === "number") return () => trustProxy > 0;
  const trusted = proxyAddr.compile(trustProxy);
  return (address) => trusted(address, 0);
}

/** An id a proxy may pass on: short, and only characters that are safe in a log line and a header. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Each request's id: the one a trusted proxy sent in X-Request-Id (so its logs and ours join up),
 * otherwise a new UUID. A client's own X-Request-Id is ignored: it could forge another's.
 */
export function requestIdGenerator(trustProxy: TrustProxy | false): (raw: IncomingMessage) => string {
  const trusts = trustsPeer(trustProxy);
  return (raw) => {
    const sent = raw.headers["x-request-id"];
    if (typeof sent === "string" && REQUEST_ID.test(sent) && trusts(raw.socket.remoteAddress ?? "")) return sent;
    return randomUUID();
  };
}

/**
 * One log line per request, when it completes (fastify's "incoming request" and "not found" lines are
 * dropped: the first adds nothing, the second carries the query string): the request id, method and
 * path, status, time taken, the tenant and user ids once known, and for the API the procedure and its
 * outcome. Never a name, an email, a body, a query string or a header.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const { tenantId, userId, procedure, errors } = request.steward ?? { errors: [] };
    const line = {
      req: request,
      res: reply,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      ...(tenantId ? { tenantId } : {}),
      ...(userId ? { userId } : {}),
      ...(procedure ? { procedure, outcome: errors.length ? errors.join(",") : "ok" } : {}),
    };
    if (error) request.log.error({ ...line, err: error }, "request errored");
    else if (reply.statusCode >= 500) request.log.error(line, "request completed");
    else request.log.info(line, "request completed");
  }
}

/** Gives each request its facts (filled in as they become known), echoes its id, and times it into the metrics by route pattern. */
export function addRequestTracking(app: FastifyInstance): void {
  app.decorateRequest("steward", null as unknown as RequestFacts);
  app.addHook("onRequest", async (request, reply) => {
    request.steward = { errors: [] };
    reply.header("x-request-id", request.id);
  });
  app.addHook("onResponse", async (request, reply) => {
    recordHttpRequest(
      request.routeOptions.url ?? "(unmatched)",
      request.method,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
}

/** How long a readiness check may wait for the database before it answers 503. */
const READY_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} seconds`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `/healthz`: 200 while the process serves (no database: a liveness probe must not restart a
 * server whose database is down). `/readyz`: 200 when the database answers and every migration
 * this build knows is applied; otherwise 503 with the reason. Neither is cached.
 */
export function addHealthRoutes(app: FastifyInstance, database: StewardDatabase): void {
  app.get("/healthz", async (_request, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));
  app.get("/readyz", async (request, reply) => {
    reply.header("cache-control", "no-store");
    try {
      const level = await withTimeout(getMigrationLevel(database.db), READY_TIMEOUT_MS, "The database");
      if (level.pending > 0)
        return reply.code(503).send({
          status: "unavailable",
          reason: `${level.pending} migration${level.pending === 1 ? " is" : "s are"} not applied (the database is at ${level.current ?? "none"}, this build at ${level.latest}): restart the server, which migrates at start, or run "pnpm steward migrate".`,
          migration: level,
        });
      return reply.send({ status: "ok", database: database.kind, migration: level });
    } catch (error) {
      request.log.warn({ err: error }, "readiness check failed");
      return reply.code(503).send({
        status: "unavailable",
        reason: `The database cannot be reached: ${error instanceof Error ? error.message : String(error)}.`,
      });
    }
  });
}

/** Whether the Authorization header carries the token (compared in constant time). */
function hasToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? "";
  const match = /^Bearer (.+)$/.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `/metrics`, Prometheus's text format, for the operator's scraper only: answered only with
 * `Authorization: Bearer <STEWARD_METRICS_TOKEN>`, 401 with another token, and 404 (as if absent)
 * when no token is set. `collect` gives the text (the whole cluster's, with several processes).
 */
export function addMetricsRoute(
  app: FastifyInstance,
  token: string | undefined,
  collect: () => Promise<{ contentType: string; text: string }> = renderMetrics,
): void {
  app.get("/metrics", async (request, reply) => {
    reply.header("cache-control", "no-store");
    if (!token) return reply.callNotFound();
    if (!hasToken(request, token))
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="steward-metrics"')
        .send({ status: "unauthorised", reason: "Send the metrics token as Authorization: Bearer <token>." });
    const { contentType, text } = await collect();
    return reply.type(contentType).send(text);
  });
}
