// A small mixed read load against a running server: N clients, each signed in, looping for a fixed time over
// the dashboard (cases.list and cases.summary) and a case page (cases.get); prints operations a second, p50/p99
// and refusals per client count. Printed, never gating.
//   BASE=http://127.0.0.1:3000 TENANT=cambridgeshire EMAIL=la-senior-officer@cambridgeshire.example \
//   PASSWORD=steward-demo-2026 CLIENTS=1,4,16 SECONDS=10 pnpm --filter @steward/server exec tsx bench/load.ts
const base = process.env.BASE ?? "http://127.0.0.1:3000";
const tenant = process.env.TENANT ?? "cambridgeshire";
const email = process.env.EMAIL ?? "la-senior-officer@cambridgeshire.example";
const password = process.env.PASSWORD ?? "steward-demo-2026";
const clientCounts = (process.env.CLIENTS ?? "1,4,16").split(",").map(Number);
const seconds = Number(process.env.SECONDS ?? 10);

interface Session {
  cookie: string;
}

async function signIn(): Promise<Session> {
  const response = await fetch(`${base}/api/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant, email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie };
}

const query = (path: string, input: unknown) =>
  `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function get(session: Session, path: string, input: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(query(path, input), { headers: { cookie: session.cookie } });
  return { status: response.status, body: await response.json() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(clients: number, caseIds: string[], sessions: Session[]) {
  const latencies: number[] = [];
  let busy = 0;
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    sessions.slice(0, clients).map(async (session, c) => {
      for (let i = c; performance.now() < until; i++) {
        const pick = i % 20;
        const started = performance.now();
        const { status } =
          pick < 9
            ? await get(session, pick % 2 ? "cases.summary" : "cases.list", pick % 2 ? {} : { limit: 50 })
            : await get(session, "cases.get", { caseId: caseIds[i % caseIds.length] });
        latencies.push(performance.now() - started);
        if (status === 503) busy++;
        else if (status !== 200) failed++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  console.log(
    `${String(clients).padStart(3)} clients: ${(latencies.length / seconds).toFixed(1).padStart(6)} ops/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, busy ${busy}, failed ${failed}`,
  );
}

// One session shared by every client: signing in each would spend the address's sign-in budget.
const first = await signIn();
const sessions: Session[] = Array.from({ length: Math.max(...clientCounts) }, () => first);
const list = (await get(first, "cases.list", { limit: 50 })).body as { result: { data: { items: { id: string }[] } } };
const caseIds = list.result.data.items.map((item) => item.id);
if (caseIds.length === 0) throw new Error("The tenant has no cases to read.");
// Warm up: the first requests compile and cache.
await run(1, caseIds, sessions);
for (const clients of clientCounts) await run(clients, caseIds, sessions);
