import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, or CHROMIUM_PATH. Browser tests skip when it is missing (`apt-get install -y chromium`), except under CI=true, where they fail. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM_PATH);
export const skipReason = `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`;
// Under CI=true a missing Chromium fails the browser tests (every file imports this harness), never a quiet skip.
if (!hasChromium && process.env.CI === "true")
  throw new Error(`${skipReason}. CI=true requires the browser tests to run, not skip.`);

const packageDir = resolve(import.meta.dirname, "../..");
export const staticDir = join(packageDir, "storybook-static");
const tenantsDir = resolve(packageDir, "../policy-config/tenants");

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => (name === "node_modules" ? newest : Math.max(newest, newestMtime(join(path, name)))),
    stats.mtimeMs,
  );
}

/** The policy forms on disk, as the stories name them (`<authority>__<form key>`). */
export function getPolicyFormIds(): string[] {
  if (!existsSync(tenantsDir)) return [];
  return readdirSync(tenantsDir)
    .sort()
    .flatMap((tenant) => {
      const file = join(tenantsDir, tenant, "policy.json");
      if (!existsSync(file)) return [];
      const policy = JSON.parse(execFileSync("cat", [file], { encoding: "utf8" })) as { forms?: { key: string }[] };
      return (policy.forms ?? []).map((form) => `${tenant}__${form.key}`);
    });
}

/**
 * Builds Storybook when storybook-static is missing or older than the sources, the Storybook config or a policy
 * file (about 5-10 s), so `vitest run` alone always tests what is in the tree.
 */
export function ensureStorybookBuilt(): void {
  const built = newestMtime(join(staticDir, "index.json"));
  const sources = Math.max(
    newestMtime(join(packageDir, "src")),
    newestMtime(join(packageDir, ".storybook")),
    newestMtime(tenantsDir),
  );
  if (built > sources) return;
  execFileSync(
    join(packageDir, "node_modules/.bin/storybook"),
    ["build", "--quiet", "--disable-telemetry", "-o", "storybook-static"],
    {
      cwd: packageDir,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: "1" },
      stdio: "pipe",
      timeout: 170_000,
    },
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
};

/** Serves storybook-static on a free loopback port. */
export async function startStaticServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(staticDir, path === "/" ? "index.html" : path));
    if (!file.startsWith(staticDir) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end("Not found");
      return;
    }
    // Storybook does not change while the tests run: the browser may keep every file (and its compiled scripts).
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "max-age=3600",
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolvePromise) => server.listen(0, "127.0.0.1", resolvePromise));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolvePromise) => server.close(() => resolvePromise())),
  };
}

/** Launches Chromium the way this machine allows: headless, sandbox off, no network of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Renders a story in an already loaded Storybook iframe, without reloading the page, and waits for it. */
export async function showStory(page: Page, storyId: string): Promise<void> {
  await page.evaluate(
    (id) =>
      new Promise<void>((resolvePromise, reject) => {
        const channel = (
          window as unknown as {
            __STORYBOOK_ADDONS_CHANNEL__: {
              on: (e: string, f: (...a: unknown[]) => void) => void;
              off: (e: string, f: (...a: unknown[]) => void) => void;
              emit: (e: string, p: unknown) => void;
            };
          }
        ).__STORYBOOK_ADDONS_CHANNEL__;
        const timer = setTimeout(() => finish(new Error(`Story ${id} did not render`)), 15_000);
        const rendered = (renderedId: unknown) => {
          if (renderedId === id) finish();
        };
        const failed = (error: unknown) => finish(new Error(`Story ${id} failed: ${JSON.stringify(error)}`));
        function finish(error?: Error) {
          clearTimeout(timer);
          channel.off("storyRendered", rendered);
          channel.off("storyErrored", failed);
          channel.off("storyThrewException", failed);
          if (error) reject(error);
          else requestAnimationFrame(() => requestAnimationFrame(() => resolvePromise()));
        }
        channel.on("storyRendered", rendered);
        channel.on("storyErrored", failed);
        channel.on("storyThrewException", failed);
        channel.emit("setCurrentStory", { storyId: id, viewMode: "story" });
      }),
    storyId,
  );
}

/** Opens one story in a fresh page load, with optional args (`key:value;key:value`). */
export async function openStory(
  page: Page,
  baseUrl: string,
  storyId: string,
  args?: Record<string, string>,
): Promise<void> {
  const argText = args
    ? `&args=${Object.entries(args)
        .map(([key, value]) => `${key}:${value}`)
        .join(";")}`
    : "";
  await page.goto(`${baseUrl}/iframe.html?id=${storyId}&viewMode=story${argText}`);
  await page.waitForSelector("#storybook-root > *", { timeout: 15_000 });
  await page.waitForTimeout(50);
}

/** The ids of every story in the built Storybook. */
export function getStoryIds(indexJson: string): string[] {
  const index = JSON.parse(indexJson) as { entries: Record<string, { id: string; type: string }> };
  return Object.values(index.entries)
    .filter((entry) => entry.type === "story")
    .map((entry) => entry.id);
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
