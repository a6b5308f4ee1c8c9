/**
 * Prints each app's initial JavaScript: the module scripts index.html loads, and every module they
 * import statically (their preloads), raw and gzipped. Lazy routes are listed apart. Run after a build.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { repoRoot } from "./server.ts";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

for (const app of ["admin", "portal"]) {
  const dist = path.join(repoRoot, "apps", app, "dist");
  if (!existsSync(path.join(dist, "index.html"))) {
    console.log(`${app}: not built (run pnpm build)`);
    continue;
  }
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const entries = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].flatMap((m) => (m[1] ? [m[1]] : []));
  const file = (url: string) => path.join(dist, url.replace(new RegExp(`^/${app}/`), ""));
  // Follow static imports ("./x.js" / "/admin/assets/x.js" at the top level of each chunk).
  const initial = new Set<string>();
  const queue = entries.map(file);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (initial.has(next) || !existsSync(next)) continue;
    initial.add(next);
    const code = readFileSync(next, "utf8");
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g))
      if (m[1]) queue.push(path.resolve(path.dirname(next), m[1]));
  }
  const all = readdirSync(path.join(dist, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => path.join(dist, "assets", f));
  const size = (files: string[]) =>
    files.reduce(
      (t, f) => ({
        raw: t.raw + readFileSync(f).length,
        gzip: t.gzip + gzipSync(readFileSync(f), { level: 9 }).length,
      }),
      { raw: 0, gzip: 0 },
    );
  const first = size([...initial]);
  const lazy = all.filter((f) => !initial.has(f));
  const css = readdirSync(path.join(dist, "assets"))
    .filter((f) => f.endsWith(".css"))
    .map((f) => path.join(dist, "assets", f));
  console.log(
    `${app}: initial JavaScript ${kb(first.raw)} (${kb(first.gzip)} gzip) in ${initial.size} file(s); CSS ${kb(size(css).raw)} (${kb(size(css).gzip)} gzip)`,
  );
  for (const f of lazy) {
    const s = size([f]);
    console.log(`  loaded later: ${path.basename(f)} ${kb(s.raw)} (${kb(s.gzip)} gzip)`);
  }
}
