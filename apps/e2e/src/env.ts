// The only place the browser tests read the environment.
import { existsSync } from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH), if installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => Boolean(p),
  );
  return candidates.find((p) => existsSync(p));
}

/**
 * Why the browser tests skip (Chromium missing), or false when they run. Under
 * CI=true a missing Chromium is an error, never a quiet skip.
 */
export function browserSkipReason(chromiumPath: string | undefined): string | false {
  if (chromiumPath) return false;
  const reason =
    "Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH) to run the browser tests.";
  if (process.env.CI === "true") throw new Error(`${reason} CI=true requires the browser tests to run, not skip.`);
  return reason;
}

/** Set STEWARD_E2E_HEADED=1 to watch the browser (needs a display). */
export const isHeaded = process.env.STEWARD_E2E_HEADED === "1";

/** For working on the tests: a server already running (the tests then do not start one). Its data must be fresh. */
export const existingServer = process.env.STEWARD_E2E_BASE_URL;

/**
 * The environment for the server the tests start: this one, on the embedded database whatever
 * DATABASE_URL says, without the clock (the daily check would move the demo's cases as the tests read them).
 */
export function getServerEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STEWARD_CLOCK: "off", ...overrides };
  delete env.DATABASE_URL;
  return env;
}
