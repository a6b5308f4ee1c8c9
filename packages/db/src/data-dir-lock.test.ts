import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock.ts";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded data folder lock", () => {
  it("lets one holder in and tells a second one who holds it", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(path.join(dir, "steward.lock"), "utf8")).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/already in use by another Steward process \(pid \d+\)/);
    lock.release();
    expect(existsSync(path.join(dir, "steward.lock"))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it("takes over a lock left by a process that has died", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    writeFileSync(path.join(dir, "steward.lock"), dead.stdout.toString());
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(path.join(dir, "steward.lock"), "utf8")).toBe(String(process.pid));
    lock.release();
  });
});
