/**
 * The tRPC set-up, in the order a request meets it:
 *
 * 1. CONTEXT: what every procedure can reach. `createContextInner` builds it
 *    from plain values (no request), so tests call procedures through
 *    `createCaller(createContextInner(...))`; the server's adapter wraps it.
 * 2. INITIALISATION: one tRPC instance, with an error formatter that sends a
 *    stable code and never an internal message.
 * 3. PROCEDURES: the builders routers use. `publicProcedure` needs no session;
 *    the authenticated and tenant-scoped builders arrive with sign-in.
 */
import { initTRPC } from "@trpc/server";
import type { StewardDatabase } from "@steward/db";

// 1. CONTEXT
export interface ContextOptions {
  database: StewardDatabase;
  /** The running build's version, as reported by `health`. */
  appVersion: string;
}

export interface Context {
  database: StewardDatabase;
  appVersion: string;
}

export function createContextInner(options: ContextOptions): Context {
  return { database: options.database, appVersion: options.appVersion };
}

// 2. INITIALISATION
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Internal errors reach the log, never the client.
    if (error.code === "INTERNAL_SERVER_ERROR") {
      return { ...shape, message: "Something went wrong on our side. Try again, and tell support if it keeps happening." };
    }
    return shape;
  },
});

// 3. PROCEDURES
export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
