import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { fastifyRequestHandler, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, {
  type FastifyInstance,
  type FastifyPluginCallback,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";

import {
  appRouter,
  createContextInner,
  CSRF_COOKIE,
  DatabaseRateLimiter,
  finishOidcSignIn,
  OIDC_BROWSER_COOKIE,
  OIDC_CALLBACK_PATH,
  OIDC_STATE_MS,
  SESSION_COOKIE,
  SESSION_POLICY,
  startOidcSignIn,
  takeAddressAttempt,
  type AppRouter,
  type OidcLog,
  type RequestInfo,
} from "@steward/api";
import type { StewardDatabase } from "@steward/db";

import type { TrustProxy } from "./env.ts";
import {
  addHealthRoutes,
  addMetricsRoute,
  addRequestTracking,
  loggerOptions,
  requestIdGenerator,
  RequestLogController,
  type LogSettings,
} from "./observability.ts";

export interface ServerOptions {
  database: StewardDatabase;
  appVersion: string;
  repoRoot: string;
  /** Request logs as JSON lines (docs/operations.md#logs); false: none. Default: level info to standard output. */
  logger?: LogSettings | false;
  /** The bearer token `/metrics` asks for; absent, `/metrics` answers 404. */
  metricsToken?: string | undefined;
  /** What `/metrics` serves (default: this process's registry; with several processes, the primary's sum of all). */
  collectMetrics?: () => Promise<{ contentType: string; text: string }>;
  /** The reverse proxies whose X-Forwarded-* headers are believed: a hop count or addresses/CIDRs; never "everyone". */
  trustProxy?: TrustProxy | false;
  /** Where people reach Steward (STEWARD_PUBLIC_URL), for links in emails. */
  publicUrl?: string | undefined;
  /** The clock (tests move it on). */
  now?: () => Date;
  /** An OpenID Connect client secret by its environment variable's name (env.ts `readSecret`; none by default). */
  readSecret?: (name: string) => string | undefined;
  /** Where refused OpenID Connect sign-ins are logged (default: standard error). */
  oidcLog?: OidcLog;
}

const hopCount = (hops: number) => (_address: string, hop: number) => hop < hops;

/** A request body's largest size, in bytes: small for every procedure... */
const BODY_LIMIT = 1024 * 1024;
/**
 * ...but for the procedures that take a whole file: a GIAS "all establishment
 * data" download is about 50 MB of CSV, sent as a JSON string (quotes and line
 * ends escaped).
 */
const LARGE_BODY_LIMITS: Record<string, number> = { "schools.import": 160 * 1024 * 1024 };

/**
 * The Content-Security-Policy: everything from this server, no inline script
 * or style, never framed. `'unsafe-eval'` stays because Ajv, which validates
 * policy drafts and form answers in the browser, compiles JSON Schemas into
 * functions (docs/security-http.md).
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-eval'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** How long a client told "Steward is busy" (HTTP 503) should wait before trying again. */
const BUSY_RETRY_AFTER_SECONDS = 2;

/** HSTS, sent only on a response to a request that came over HTTPS (directly or from a trusted proxy). */
const HSTS = "max-age=31536000; includeSubDomains";

/** What the API sees of an HTTP request, and how it sets cookies on the reply (HttpOnly where asked, SameSite=Lax, Secure over HTTPS). */
function toRequestInfo(req: FastifyRequest, res: FastifyReply): RequestInfo {
  const secure = req.protocol === "https";
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value[0] : value;
  return {
    ip: req.ip,
    userAgent: headers["user-agent"] ?? null,
    cookies: req.cookies,
    headers,
    setCookie: (name, value, options) =>
      void res.setCookie(name, value, {
        path: "/",
        maxAge: options.maxAgeSeconds ?? SESSION_POLICY.absoluteMs / 1000,
        sameSite: "lax",
        httpOnly: options.httpOnly,
        secure,
      }),
    clearCookie: (name) => void res.clearCookie(name, { path: "/", sameSite: "lax", httpOnly: true, secure }),
    identify: ({ tenantId, userId }) => {
      req.steward.tenantId = tenantId;
      if (userId) req.steward.userId = userId;
    },
  };
}

/**
 * Sign-in with OpenID Connect: `/auth/oidc/<authority>/<provider>/start` sends the browser to the provider
 * (with a cookie binding the sign-in to it); the provider sends it back to `/auth/oidc/callback`, which starts
 * the session and opens the app, or opens the sign-in page saying why not (packages/api/src/auth/oidc.ts).
 */
function oidcRoutes(options: ServerOptions): FastifyPluginCallback {
  const { database } = options;
  const now = options.now ?? (() => new Date());
  const readSecret = options.readSecret ?? (() => undefined);
  const log: OidcLog = options.oidcLog ?? { warn: (detail, message) => console.warn(message, JSON.stringify(detail)) };
  const limiter = new DatabaseRateLimiter(database, SESSION_POLICY.attemptsPerAddress, SESSION_POLICY.attemptWindowMs);
  return (app, _options, done) => {
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });
    app.get<{ Params: { tenant: string; provider: string }; Querystring: { returnTo?: string } }>(
      "/auth/oidc/:tenant/:provider/start",
      async (req, res) => {
        try {
          await takeAddressAttempt({ request: { ip: req.ip }, signInLimiter: limiter }, now());
        } catch (error) {
          return res
            .code(429)
            .type("text/plain; charset=utf-8")
            .send(error instanceof Error ? error.message : "Too many attempts.");
        }
        const started = await startOidcSignIn(database, {
          tenant: req.params.tenant,
          provider: req.params.provider,
          origin: `${req.protocol}://${req.host}`,
          returnTo: typeof req.query.returnTo === "string" ? req.query.returnTo : undefined,
          now: now(),
          readSecret,
        });
        if (started.refused) {
          log.warn(
            { problem: started.refused.problem, detail: started.refused.detail },
            "OpenID Connect sign-in could not start",
          );
          return res.redirect(started.refused.redirectTo);
        }
        void res.setCookie(OIDC_BROWSER_COOKIE, started.browserCookie, {
          path: "/auth/oidc",
          maxAge: OIDC_STATE_MS / 1000,
          httpOnly: true,
          // Lax: sent when the provider sends the browser back (a top-level GET).
          sameSite: "lax",
          secure: req.protocol === "https",
        });
        return res.redirect(started.redirectTo);
      },
    );
    app.get(OIDC_CALLBACK_PATH, async (req, res) => {
      const secure = req.protocol === "https";
      const finished = await finishOidcSignIn(database, {
        query: req.url.includes("?") ? req.url.slice(req.url.indexOf("?") + 1) : "",
        browserCookie: req.cookies[OIDC_BROWSER_COOKIE],
        address: req.ip,
        userAgent: req.headers["user-agent"] ?? null,
        now: now(),
        readSecret,
        log,
      });
      void res.clearCookie(OIDC_BROWSER_COOKIE, { path: "/auth/oidc", sameSite: "lax", httpOnly: true, secure });
      if (finished.refused) return res.redirect(finished.refused.redirectTo);
      const cookie = { path: "/", maxAge: SESSION_POLICY.absoluteMs / 1000, sameSite: "lax" as const, secure };
      void res.setCookie(SESSION_COOKIE, finished.sessionCookie, { ...cookie, httpOnly: true });
      void res.setCookie(CSRF_COOKIE, finished.csrfToken, { ...cookie, httpOnly: false });
      return res.redirect(finished.redirectTo);
    });
    done();
  };
}

/** The single-page apps the server hosts, each at its own path. */
const SPAS = [
  { prefix: "/admin/", folder: "apps/admin/dist", name: "admin" },
  { prefix: "/portal/", folder: "apps/portal/dist", name: "portal" },
] as const;

const require = createRequire(import.meta.url);
/** govuk-frontend's fonts and images: its CSS asks for them at /assets/. */
const govukAssets = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist/govuk/assets");

type TrpcOptions = FastifyTRPCPluginOptions<AppRouter>["trpcOptions"];

/**
 * tRPC at /api/trpc, as @trpc/server's fastify plugin mounts it, but with a
 * body limit per route: small for every procedure, large only for a file import.
 */
function trpcRoutes(trpcOptions: TrpcOptions): FastifyPluginCallback {
  return (api, _options, done) => {
    api.removeContentTypeParser("application/json");
    api.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
    api.removeContentTypeParser("multipart/form-data");
    api.addContentTypeParser("multipart/form-data", {}, (_request, body, done) => done(null, body));
    // Nothing the API answers is for a cache.
    api.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });
    const handle = (path: string) => (req: FastifyRequest, res: FastifyReply) => {
      req.steward.procedure = path;
      return fastifyRequestHandler({ ...trpcOptions, req, res, path });
    };
    for (const [procedure, bodyLimit] of Object.entries(LARGE_BODY_LIMITS)) {
      api.post(`/api/trpc/${procedure}`, { bodyLimit }, handle(procedure));
    }
    api.all<{ Params: { path: string } }>("/api/trpc/:path", { bodyLimit: BODY_LIMIT }, (req, res) =>
      handle(req.params.path)(req, res),
    );
    done();
  };
}

/**
 * The HTTP host: tRPC at /api/trpc, the built admin and portal apps (client-side
 * routes fall back to their index.html), and GOV.UK Frontend's assets, all from
 * this machine: nothing is loaded from the internet.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger ?? { level: "info" }),
    // One line per request, with who made it and what it called (observability.ts).
    logController: new RequestLogController(),
    requestIdHeader: false,
    genReqId: requestIdGenerator(options.trustProxy ?? false),
    // Behind a reverse proxy that terminates TLS, its X-Forwarded-* headers give the client's address and scheme.
    // A hop count n believes the n nearest addresses of X-Forwarded-For (what fastify does with a number).
    trustProxy: typeof options.trustProxy === "number" ? hopCount(options.trustProxy) : (options.trustProxy ?? false),
    bodyLimit: BODY_LIMIT,
    // Batched tRPC calls put every procedure name in the path.
    routerOptions: { maxParamLength: 5000 },
  });

  // Security headers on every response (pages, assets, the API, errors and 404s).
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: false,
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.protocol === "https") reply.header("strict-transport-security", HSTS);
  });
  await app.register(fastifyCookie);
  addRequestTracking(app);
  addHealthRoutes(app, options.database);
  addMetricsRoute(app, options.metricsToken, options.collectMetrics);

  const trpcOptions: TrpcOptions = {
    router: appRouter,
    createContext: ({ req, res }) =>
      createContextInner({
        database: options.database,
        ...(options.now ? { now: options.now } : {}),
        appVersion: options.appVersion,
        request: toRequestInfo(req, res),
        logger: { error: (message, detail) => req.log.error({ err: detail }, message) },
        publicUrl: options.publicUrl,
      }),
    // "Steward is busy" (the embedded database's queue is full): a 503 saying when to try again.
    responseMeta: ({ errors }) =>
      errors.some((error) => error.code === "SERVICE_UNAVAILABLE")
        ? { headers: { "retry-after": String(BUSY_RETRY_AFTER_SECONDS) } }
        : {},
    onError({ path: procedure, error, req }) {
      req.steward.errors.push(error.code);
      if (error.code === "INTERNAL_SERVER_ERROR")
        req.log.error({ procedure, err: error.cause ?? error }, "procedure failed");
    },
  };
  await app.register(trpcRoutes(trpcOptions));
  await app.register(oidcRoutes(options));

  await app.register(fastifyStatic, { root: govukAssets, prefix: "/assets/", decorateReply: true });

  for (const spa of SPAS) {
    const root = path.join(options.repoRoot, spa.folder);
    if (!existsSync(path.join(root, "index.html"))) {
      app.get(`${spa.prefix}*`, async (_request, reply) =>
        reply
          .code(503)
          .type("text/plain; charset=utf-8")
          .send(
            `The ${spa.name} app has not been built. Run "pnpm build" (or "pnpm start", which builds it) and reload.`,
          ),
      );
      app.get(spa.prefix.slice(0, -1), async (_request, reply) => reply.redirect(spa.prefix));
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: spa.prefix,
      decorateReply: false,
      wildcard: false,
      index: "index.html",
    });
    // Client-side routes: any other path under the app's prefix gets its index.html.
    app.get(`${spa.prefix}*`, async (request, reply) => {
      if (path.extname(request.url.split("?")[0] ?? "") !== "") return reply.callNotFound();
      return reply.sendFile("index.html", root, { cacheControl: false });
    });
    app.get(spa.prefix.slice(0, -1), async (_request, reply) => reply.redirect(spa.prefix));
  }

  app.get("/", async (_request, reply) => reply.redirect("/admin/"));

  return app;
}
