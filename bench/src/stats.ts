// Timing helpers and the final table: every figure printed beside its target, never failing the run.

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  /** Calls a second, one after another (1000 / mean). */
  perSecond: number;
}

export function summarise(ms: readonly number[]): Stats {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const total = ms.reduce((a, b) => a + b, 0);
  return { n: ms.length, p50: at(0.5), p99: at(0.99), perSecond: total > 0 ? (ms.length / total) * 1000 : 0 };
}

/** Runs `fn` `runs` times one after another (after `warm` unmeasured calls) and summarises the times. */
export async function timeSerial(runs: number, fn: (i: number) => Promise<unknown>, warm = 20): Promise<Stats> {
  for (let i = 0; i < warm; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i + warm);
    out.push(performance.now() - start);
  }
  return summarise(out);
}

/** Milliseconds `fn` took, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : "n/a");
export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

export function statsLine(label: string, s: Stats): void {
  console.log(
    `  ${label.padEnd(52)} p50 ${ms(s.p50).padStart(9)}  p99 ${ms(s.p99).padStart(9)}  ${fixed(s.perSecond, 0).padStart(6)}/s  (n=${s.n})`,
  );
}

/** One row of the final table. `pass` undefined: not measured (or no target to judge by). */
interface Figure {
  figure: string;
  measured: string;
  target: string;
  pass: boolean | undefined;
}

const figures: Figure[] = [];

/** Records a figure for the final table and prints it at once (a run cut short still shows what it measured). */
export function report(figure: string, measured: string, target: string, pass: boolean | undefined): void {
  figures.push({ figure, measured, target, pass });
  console.log(`  => ${figure}: ${measured}   (target ${target}: ${verdict(pass)})`);
}

const verdict = (pass: boolean | undefined) => (pass === undefined ? "-" : pass ? "PASS" : "MISS");

export function printTable(): void {
  const width = (pick: (f: Figure) => string, title: string) =>
    Math.max(title.length, ...figures.map((f) => pick(f).length));
  const w1 = width((f) => f.figure, "figure");
  const w2 = width((f) => f.measured, "measured");
  const w3 = width((f) => f.target, "target");
  const row = (a: string, b: string, c: string, d: string) =>
    console.log(`${a.padEnd(w1)} | ${b.padEnd(w2)} | ${c.padEnd(w3)} | ${d}`);
  console.log("");
  row("figure", "measured", "target", "result");
  console.log(`${"-".repeat(w1)}-+-${"-".repeat(w2)}-+-${"-".repeat(w3)}-+-------`);
  for (const f of figures) row(f.figure, f.measured, f.target, verdict(f.pass));
  const judged = figures.filter((f) => f.pass !== undefined);
  console.log(`\n${judged.filter((f) => f.pass).length} of ${judged.length} targets met (a miss never fails the run).`);
}
