// Prints how long validating a whole policy takes, for each policy document in
// the repository: the first (cold) call, which compiles the meta-schema's
// validator, and the median and 95th percentile of warm calls that reuse it.
//   pnpm --filter @steward/policy-config bench
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import type { PolicyDocument } from "../src/schema/policy.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const files = ["tenants", "fixtures"].flatMap((folder) => {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(folder, f));
});

const started = performance.now();
const { validatePolicy } = await import("../src/index.ts");
const { createMinimalPolicy } = await import("../src/fixtures/minimal-policy.ts");
const { setAt } = await import("../src/testing/break.ts");
console.log(`load and compile the meta-schema: ${(performance.now() - started).toFixed(1)} ms`);

const RUNS = 200;
console.log(
  `\npolicy                                             size     first   median     p95  (ms, ${RUNS} warm runs)`,
);
const inputs = [
  { file: "src/fixtures/minimal-policy.ts", text: JSON.stringify(createMinimalPolicy()) },
  ...files.map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") })),
];
for (const { file, text } of inputs) {
  const document: unknown = JSON.parse(text);
  let t = performance.now();
  const first = validatePolicy(document);
  const cold = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    validatePolicy(document);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!;
  console.log(
    `${file.padEnd(48)} ${`${Math.round(text.length / 1024)} KB`.padStart(6)} ${cold.toFixed(2).padStart(9)} ${pct(0.5).toFixed(2).padStart(8)} ${pct(0.95).toFixed(2).padStart(7)}  ${first.ok ? "valid" : `${first.problems.length} problems`}`,
  );
}

// Pathological policies: validation must stay bounded in time and in the size
// of what it returns (at most 200 problems and a last one saying there are more).
console.log(`\npathological policy                                          ms   problems returned   JSON size`);
const pathological: [string, (p: PolicyDocument) => void][] = [
  [
    "24,000 descriptors with bad keys (24,000 problems)",
    (p) =>
      setAt(
        p,
        "/criteria/0/descriptors",
        Array.from({ length: 24_000 }, () => ({ key: "Not A Key", text: "x" })),
      ),
  ],
  [
    "12,000 categories, bad key and colour (huge document)",
    (p) =>
      setAt(
        p,
        "/categories",
        Array.from({ length: 12_000 }, (_, i) => ({
          ...p.categories[0],
          key: `Bad Key ${i}`,
          colour: "mauve",
          severity: i % 20,
        })),
      ),
  ],
  [
    "200 triggers reading 119 unknown facts (24,000 semantic)",
    (p) =>
      setAt(
        p,
        "/triggers",
        Array.from({ length: 200 }, (_, i) => ({
          ...p.triggers[0],
          key: `t-${i}`,
          suggests: { category: "nope" },
          when: { and: Array.from({ length: 119 }, () => ({ var: "no.such.fact" })) },
        })),
      ),
  ],
];
for (const [name, breakIt] of pathological) {
  const document = createMinimalPolicy();
  breakIt(document);
  const t = performance.now();
  const result = validatePolicy(document);
  const ms = performance.now() - t;
  console.log(
    `${name.padEnd(56)} ${ms.toFixed(0).padStart(6)} ${String(result.problems.length).padStart(18)} ${`${Math.round(JSON.stringify(result).length / 1024)} KB`.padStart(11)}`,
  );
}
