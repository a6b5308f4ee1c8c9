// The only place the browser tests read the environment.
import { existsSync } from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH), if installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p));
}

/** Set STEWARD_E2E_HEADED=1 to watch the browser (needs a display). */
export const isHeaded = process.env.STEWARD_E2E_HEADED === "1";

/** For working on the tests: a server already running (the tests then do not start one). Its data must be fresh. */
export const existingServer = process.env.STEWARD_E2E_BASE_URL;

/** The environment for the server the tests start: this one, on the embedded database whatever DATABASE_URL says. */
export function getServerEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  delete env.DATABASE_URL;
  return env;
}
