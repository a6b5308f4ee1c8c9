import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { appRouter, createContextInner, RateLimiter, SESSION_POLICY, type AppRouter, type RequestInfo } from "@steward/api";
import type { StewardDatabase } from "@steward/db";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";

export interface ServerOptions {
  database: StewardDatabase;
  appVersion: string;
  repoRoot: string;
  logger?: boolean;
  trustProxy?: boolean;
}

/** The request's cookies, from its Cookie header. */
function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // A cookie that is not ours, badly encoded: ignore it.
    }
  }
  return cookies;
}

/** What the API sees of an HTTP request, and how it sets cookies on the reply (HttpOnly where asked, SameSite=Lax, Secure over HTTPS). */
function toRequestInfo(req: FastifyRequest, res: FastifyReply): RequestInfo {
  const secure = req.protocol === "https";
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value[0] : value;
  const cookieLine = (name: string, value: string, maxAge: number, httpOnly: boolean) =>
    [`${name}=${encodeURIComponent(value)}`, "Path=/", `Max-Age=${maxAge}`, "SameSite=Lax", ...(httpOnly ? ["HttpOnly"] : []), ...(secure ? ["Secure"] : [])].join("; ");
  return {
    ip: req.ip,
    userAgent: headers["user-agent"] ?? null,
    cookies: parseCookies(headers.cookie),
    headers,
    setCookie: (name, value, options) => void res.header("set-cookie", [...[res.getHeader("set-cookie") ?? []].flat().map(String), cookieLine(name, value, options.maxAgeSeconds ?? SESSION_POLICY.absoluteMs / 1000, options.httpOnly)]),
    clearCookie: (name) => void res.header("set-cookie", [...[res.getHeader("set-cookie") ?? []].flat().map(String), cookieLine(name, "", 0, true)]),
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

/**
 * The HTTP host: tRPC at /api/trpc, the built admin and portal apps (client-side
 * routes fall back to their index.html), and GOV.UK Frontend's assets, all from
 * this machine: nothing is loaded from the internet.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: "info" } : false,
    // Behind a reverse proxy that terminates TLS, its X-Forwarded-* headers give the client's address and scheme.
    trustProxy: options.trustProxy ?? false,
    // Batched tRPC calls put every procedure name in the path.
    routerOptions: { maxParamLength: 5000 },
  });

  const signInLimiter = new RateLimiter(SESSION_POLICY.attemptsPerAddress, SESSION_POLICY.attemptWindowMs);
  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createContextInner({ database: options.database, appVersion: options.appVersion, request: toRequestInfo(req, res), signInLimiter }),
      onError({ path: procedure, error }) {
        if (error.code === "INTERNAL_SERVER_ERROR") app.log.error({ procedure, err: error.cause ?? error }, "procedure failed");
      },
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);

  await app.register(fastifyStatic, { root: govukAssets, prefix: "/assets/", decorateReply: true });

  for (const spa of SPAS) {
    const root = path.join(options.repoRoot, spa.folder);
    if (!existsSync(path.join(root, "index.html"))) {
      app.get(`${spa.prefix}*`, async (_request, reply) =>
        reply
          .code(503)
          .type("text/plain; charset=utf-8")
          .send(`The ${spa.name} app has not been built. Run "pnpm build" (or "pnpm start", which builds it) and reload.`),
      );
      app.get(spa.prefix.slice(0, -1), async (_request, reply) => reply.redirect(spa.prefix));
      continue;
    }
    await app.register(fastifyStatic, { root, prefix: spa.prefix, decorateReply: false, wildcard: false, index: "index.html" });
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
