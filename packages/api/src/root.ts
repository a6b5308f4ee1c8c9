import { getHealth } from "./routers/health/get-health.ts";
import { tenantsRouter } from "./routers/tenants/index.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  health: getHealth,
  tenants: tenantsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures directly, without HTTP: for tests and the CLI. */
export const createCaller = createCallerFactory(appRouter);
