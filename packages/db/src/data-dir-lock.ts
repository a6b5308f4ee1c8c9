import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export interface DataDirLock {
  release(): void;
}

/** Thrown when another live process holds the embedded database's folder. */
export class DataDirLockedError extends Error {
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already in use by another Steward process (pid ${pid}). ` +
        `Stop that process first, or set STEWARD_DATA_DIR to another folder.`,
    );
    this.name = "DataDirLockedError";
    this.pid = pid;
  }
}

/**
 * Takes the embedded database's folder for this process. PGlite does not lock
 * its folder itself, and two processes on one folder corrupt it, so a lock file
 * holding our pid guards it. A lock left by a process that no longer runs
 * (a crash, a kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, "steward.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      // Our own pid counts as taken: two instances in one process corrupt it too.
      if (Number.isInteger(holder) && (holder === process.pid || isProcessAlive(holder))) {
        throw new DataDirLockedError(dataDir, holder);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}.`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/** A Node system error's code (EEXIST, EPERM...), if it has one. */
function errorCode(error: unknown): unknown {
  return error instanceof Error && "code" in error ? error.code : undefined;
}
