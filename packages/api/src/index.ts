export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContextInner, type Context, type ContextOptions } from "./trpc.ts";
