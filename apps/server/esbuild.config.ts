// Builds the server into plain JavaScript (dist/), so that a start runs it with `node` rather than
// transpiling every workspace module with tsx first (seconds of CPU at every start on a small machine).
// Run by `pnpm --filter @steward/server build` (turbo caches it: an unchanged tree is not rebuilt).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Plugin } from "esbuild";

const serverDir = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(serverDir, "dist");
const repoRoot = path.resolve(serverDir, "../..");

/** A path as an import specifier relative to dist/ (forward slashes, always starting with "."). */
function fromDist(file: string): string {
  const relative = path.relative(outdir, file).split(path.sep).join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/**
 * Workspace packages (@steward/*) are TypeScript and are bundled in; every other package stays
 * outside the bundle, imported from where pnpm installed it for the module that asks (so a
 * dependency of @steward/api is found although apps/server does not list it). The path is kept
 * relative to dist/, so the built files work from any checkout of the same install.
 */
const externalPackages: Plugin = {
  name: "external-packages",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("node:") || args.path.startsWith("@steward/")) return undefined;
      if (args.pluginData === "resolving") return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (!resolved.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      return { path: fromDist(resolved.path), external: true };
    });
  },
};

/**
 * `import.meta.url` in a workspace package's module names that module's own file (the demo reads its
 * files beside it, the policy pool finds its worker beside it): rewritten to the source file's URL,
 * relative to the bundle, since the bundle lives elsewhere. The server's own modules need no rewrite:
 * src/ and dist/ are at the same depth.
 */
const sourceUrls: Plugin = {
  name: "source-urls",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]packages[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      const own = `new URL(${JSON.stringify(fromDist(args.path))}, import.meta.url).href`;
      return { contents: text.replaceAll("import.meta.url", own), loader: "ts" };
    });
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [externalPackages, sourceUrls],
};

// One file per entry (no shared chunks): every bundled module's relative paths are from dist/ itself.
await build({
  ...common,
  entryPoints: { main: path.join(serverDir, "src/main.ts"), cli: path.join(serverDir, "src/cli.ts") },
  outdir,
});

// The policy pool's worker thread, built too, so it starts without tsx (pool.ts looks for it beside the bundle).
await build({
  ...common,
  stdin: {
    contents: `export { runPolicyTask as default } from ${JSON.stringify(path.join(repoRoot, "packages/api/src/services/worker/tasks.ts"))};`,
    resolveDir: serverDir,
    loader: "ts",
    sourcefile: "policy-worker.ts",
  },
  outfile: path.join(outdir, "policy-worker.js"),
});
