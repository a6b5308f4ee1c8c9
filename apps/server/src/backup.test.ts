// `pnpm steward backup` and `restore`, as an operator runs them: the embedded database of the demo
// to a file and back into a new folder, and every refusal. The embedded database only: on PostgreSQL
// (DATABASE_URL) the commands print the pg_dump/pg_restore command, tested here too.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { closePolicyWorker, seedDemo } from "@steward/api";
import { connectDatabase, createTenant, migrateToLatest, type StewardDatabase } from "@steward/db";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let work: string;

/** `pnpm steward <args>` on an embedded folder: its exit code and everything it printed. */
function steward(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, INIT_CWD: work, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

/** What a user would miss if it were lost: every authority's schools, cases and their events. */
async function countsIn(dataDir: string) {
  const database = await connectDatabase({ dataDir });
  try {
    const count = async (table: "tenants" | "schools" | "cases" | "case_events" | "users" | "audit_log") =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      tenants: await count("tenants"),
      schools: await count("schools"),
      cases: await count("cases"),
      events: await count("case_events"),
      users: await count("users"),
      audit: await count("audit_log"),
    };
  } finally {
    await database.close();
  }
}

const demoDir = () => path.join(work, "demo");

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "steward-backup-"));
  const database: StewardDatabase = await connectDatabase({ dataDir: demoDir() });
  try {
    await migrateToLatest(database.db);
    await seedDemo(database, { log: () => {} });
  } finally {
    await database.close();
  }
}, 600_000);

afterAll(async () => {
  await closePolicyWorker();
  rmSync(work, { recursive: true, force: true });
});

describe("pnpm steward backup and restore (the embedded database)", () => {
  it("back up the demo's folder and restore it into a new folder with all its data", async () => {
    const before = await countsIn(demoDir());
    expect(before.schools).toBeGreaterThan(100);
    expect(before.cases).toBeGreaterThan(100);
    expect(before.events).toBeGreaterThan(before.cases);

    const backup = await steward(["backup", "--out", "demo.tar.gz"], { STEWARD_DATA_DIR: demoDir() });
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toMatch(/Backed up .* to demo\.tar\.gz \([\d.]+ MB\): migration \d+/);
    expect(backup.output).toContain(`${before.schools} schools, ${before.cases} cases, ${before.events} case events`);
    expect(existsSync(path.join(work, "demo.tar.gz"))).toBe(true);
    // The backup left the folder free for the server.
    expect(existsSync(path.join(demoDir(), "steward.lock"))).toBe(false);

    const restoredDir = path.join(work, "restored");
    const restore = await steward(["restore", "--from", "demo.tar.gz"], { STEWARD_DATA_DIR: restoredDir });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain(`${before.schools} schools, ${before.cases} cases, ${before.events} case events`);
    expect(await countsIn(restoredDir)).toEqual(before);

    // A folder with a database in it is not overwritten unless asked...
    const again = await steward(["restore", "--from", "demo.tar.gz"], { STEWARD_DATA_DIR: restoredDir });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already holds a database: restore into an empty folder .* or add --force/);
    // ...nor is a backup file.
    const overwrite = await steward(["backup", "--out", "demo.tar.gz"], { STEWARD_DATA_DIR: demoDir() });
    expect(overwrite.code).toBe(2);
    expect(overwrite.output).toMatch(/demo\.tar\.gz already exists: .* --force/);

    // With --force the database there is replaced by the backup's (a tenant added since is gone).
    const changed = await connectDatabase({ dataDir: restoredDir });
    await createTenant(changed.db, { slug: "added-later", name: "Added later", la_code: "998" });
    await changed.close();
    expect((await countsIn(restoredDir)).tenants).toBe(before.tenants + 1);
    const forced = await steward(["restore", "--from", "demo.tar.gz", "--force"], { STEWARD_DATA_DIR: restoredDir });
    expect(forced.code, forced.output).toBe(0);
    expect(await countsIn(restoredDir)).toEqual(before);
    expect(readdirSync(restoredDir).filter((name) => name.startsWith("pg."))).toEqual([]);
  }, 600_000);

  it("refuse while the server holds the folder, saying so", async () => {
    // This test process holds the folder, as a running server would.
    const held = await connectDatabase({ dataDir: demoDir() });
    try {
      const backup = await steward(["backup", "--out", "while-running.tar.gz"], { STEWARD_DATA_DIR: demoDir() });
      expect(backup.code).toBe(1);
      expect(backup.output).toContain(
        `The server is running on ${demoDir()} (pid ${process.pid}): stop it, then back up again.`,
      );
      expect(existsSync(path.join(work, "while-running.tar.gz"))).toBe(false);
      const restore = await steward(["restore", "--from", "demo.tar.gz", "--force"], { STEWARD_DATA_DIR: demoDir() });
      expect(restore.code).toBe(1);
      expect(restore.output).toContain(`(pid ${process.pid}): stop it, then restore again.`);
    } finally {
      await held.close();
    }
  });

  it("refuse a file that is not a backup, a missing one, and an empty folder to back up", async () => {
    writeFileSync(path.join(work, "notes.txt"), "not a backup");
    const target = path.join(work, "never");
    const text = await steward(["restore", "--from", "notes.txt"], { STEWARD_DATA_DIR: target });
    expect(text.code).toBe(1);
    expect(text.output).toContain("notes.txt is not a backup of the embedded database (it is not gzip-compressed)");
    const missing = await steward(["restore", "--from", "nowhere.tar.gz"], { STEWARD_DATA_DIR: target });
    expect(missing.code).toBe(2);
    expect(missing.output).toContain("Cannot read nowhere.tar.gz: no such file.");
    expect(existsSync(path.join(target, "pg"))).toBe(false);
    mkdirSync(path.join(work, "empty"));
    const empty = await steward(["backup", "--out", "empty.tar.gz"], { STEWARD_DATA_DIR: path.join(work, "empty") });
    expect(empty.code).toBe(1);
    expect(empty.output).toMatch(/There is no embedded database in .*empty: set STEWARD_DATA_DIR/);
  });

  it("on PostgreSQL, print the pg_dump and pg_restore commands instead, without the password", async () => {
    const env = { DATABASE_URL: "postgres://steward:secret-password@db.example:5432/steward" };
    const backup = await steward(["backup", "--out", "steward.dump"], env);
    expect(backup.code).toBe(1);
    expect(backup.output).toContain('pg_dump --format=custom --no-owner --file=steward.dump "$DATABASE_URL"');
    const restore = await steward(["restore", "--from", "steward.dump"], env);
    expect(restore.output).toContain('pg_restore --no-owner --dbname="$DATABASE_URL" steward.dump');
    expect(backup.output + restore.output).not.toContain("secret-password");
  });
});
