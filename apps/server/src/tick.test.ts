import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createCaller,
  createContextInner,
  CSRF_HEADER,
  provisionSchools,
  provisionTenant,
  provisionUser,
  type RequestInfo,
} from "@steward/api";
import { connectDatabase, migrateToLatest } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

// `pnpm steward tick`, as an operator runs it, in its own process, on a database a case was opened in long ago.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverUrl = process.env.DATABASE_URL;
const PASSWORD = "correct horse battery staple";
const URN = 990_001;

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

/** Cambridgeshire's policy (a clone) with a move the passing of time makes: six months in monitoring. */
function timedPolicy(): PolicyDocument {
  const policy = structuredClone(cambridgeshire) as PolicyDocument;
  policy.escalation.transitions.push({
    key: "six-months-in-monitoring",
    from: ["support-and-challenge"],
    to: "intervention-and-support",
    label: "Six months in monitoring",
    mode: "automatic",
    when: { ">=": [{ var: "case.monthsInStage" }, 6] },
    requiresReason: false,
  });
  return policy;
}

/** Provisions the authority, its school and an officer, and opens the school's case on 8 January 2024. */
async function openCaseLongAgo() {
  const database = await connectDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
  try {
    await migrateToLatest(database.db);
    const { tenant } = await provisionTenant(database.db, { slug: "tick-shire", policy: timedPolicy() });
    await provisionSchools(database.db, tenant.id, [
      {
        urn: URN,
        name: "Tick Primary School",
        laCode: cambridgeshire.authority.laCode,
        laestab: null,
        phase: "primary",
        typeOfEstablishment: "Community school",
        governance: "maintained",
        trust: null,
        status: "open",
        openedOn: null,
        closedOn: null,
        postcode: null,
        district: null,
        data: {},
      },
    ]);
    await provisionUser(database.db, tenant.id, {
      email: "senior@tick.test",
      displayName: "Senior officer",
      password: PASSWORD,
      grants: [{ role: "la-senior-officer" }],
    });
    const cookies: Record<string, string | undefined> = {};
    const headers: Record<string, string | undefined> = {};
    const request: RequestInfo = {
      ip: "203.0.113.9",
      userAgent: "vitest",
      cookies,
      headers,
      setCookie: (name, value) => (cookies[name] = value),
      clearCookie: (name) => delete cookies[name],
    };
    const api = createCaller(
      createContextInner({ database, appVersion: "test", request, now: () => new Date("2024-01-08T09:00:00Z") }),
    );
    headers[CSRF_HEADER] = (
      await api.auth.signIn({ tenant: "tick-shire", email: "senior@tick.test", password: PASSWORD })
    ).csrfToken;
    await api.cases.open({ urn: URN });
  } finally {
    await database.close();
  }
}

/** Runs the CLI with arguments: its exit code and everything it printed. */
async function steward(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH,
        STEWARD_DATA_DIR: dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "steward-tick-"));
  if (serverUrl) {
    const fresh = await createServerDatabase(serverUrl);
    databaseUrl = fresh.url;
    dropDatabase = () => fresh.drop();
  }
  await openCaseLongAgo();
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

describe("pnpm steward tick", () => {
  it("moves the case whose time has come, says so, and moves nothing the second time", async () => {
    const first = await steward("tick");
    expect(first, first.output).toMatchObject({ code: 0 });
    expect(first.output).toMatch(/\(tick-shire\), \d{4}-\d{2}-\d{2}: 1 open case checked, 1 move, 0 failures\./);
    expect(first.output.startsWith(cambridgeshire.authority.name)).toBe(true);
    expect(first.output).toContain(
      `moved URN ${URN}: support-and-challenge -> intervention-and-support (six-months-in-monitoring)`,
    );
    const again = await steward("tick", "--tenant", "tick-shire");
    expect(again, again.output).toMatchObject({ code: 0 });
    expect(again.output).toMatch(/\(tick-shire\): already checked up to \d{4}-\d{2}-\d{2}\./);
    const today = new Date().toISOString().slice(0, 10);
    const sameDay = await steward("tick", "--tenant", "tick-shire", "--date", today);
    expect(sameDay.output).toContain(`(tick-shire), ${today}: already checked (1 open case); nothing done.`);
    // A day before the clock first ran, named by hand, is checked (nothing moves: the case moved today).
    const earlier = await steward("tick", "--tenant", "tick-shire", "--date", "2024-09-02");
    expect(earlier.output).toContain("(tick-shire), 2024-09-02: 1 open case checked, 0 moves, 0 failures.");
  });

  it("refuses a day that has not come, a date that is not one, and an authority that does not exist", async () => {
    expect(await steward("tick", "--date", "2999-01-01")).toMatchObject({
      code: 2,
      output: expect.stringContaining("--date 2999-01-01 is after today") as string,
    });
    expect(await steward("tick", "--date", "2024-02-30")).toMatchObject({
      code: 2,
      output: expect.stringContaining('--date is a day like 2027-03-14, not "2024-02-30"') as string,
    });
    expect(await steward("tick", "--tenant", "nowhere")).toMatchObject({
      code: 2,
      output: expect.stringContaining('There is no authority "nowhere"') as string,
    });
  });
});
