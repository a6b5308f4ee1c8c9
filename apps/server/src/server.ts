import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { appRouter, createContextInner, type AppRouter } from "@steward/api";
import type { StewardDatabase } from "@steward/db";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";

export interface ServerOptions {
  database: StewardDatabase;
  appVersion: string;
  repoRoot: string;
  logger?: boolean;
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
    // Batched tRPC calls put every procedure name in the path.
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: () => createContextInner({ database: options.database, appVersion: options.appVersion }),
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
