// What every CLI command shares: how a mistake in the call is reported, and how
// the files it names are read (relative to where the operator ran the command).
import { readFileSync } from "node:fs";
import path from "node:path";

import { readEnv } from "../env.ts";

/** Thrown for a mistake in how the command was called: printed with exit code 2. */
export class UsageError extends Error {}

/** A command: its arguments in, an exit code out. */
export type Command = (args: string[]) => number | Promise<number>;

/** A path the operator typed, resolved against the folder they ran the command in. */
export function fromInvocation(file: string): string {
  return path.resolve(readEnv().invocationDir, file);
}

function describeReadError(error: unknown): string {
  if (error instanceof Error && "code" in error && error.code === "ENOENT") return "no such file";
  return error instanceof Error ? error.message : String(error);
}

/** A text file the operator named, or a usage error saying which file is missing or unreadable. */
export function readTextFile(file: string | undefined, what: string): string {
  if (!file) throw new UsageError(`Give the ${what} file.`);
  try {
    return readFileSync(fromInvocation(file), "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${describeReadError(error)}.`);
  }
}

/** A JSON file the operator named, parsed (its shape is for the caller to check). */
export function readJsonFile(file: string | undefined, what: string): unknown {
  const text = readTextFile(file, what);
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${describeReadError(error)}.`);
  }
}

/** "1 error", "2 errors". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
