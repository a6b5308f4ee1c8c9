// Every SQL query lives in packages/db, behind a named repository function: this
// scans the other packages' and apps' production source for Kysely query
// builders and sql templates and names each offender, so a query written
// elsewhere fails here rather than in review.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** What starts a query: a Kysely builder call, or kysely's sql tag (sql`...`, sql<T>`...`, sql.raw(...) and the like). */
const QUERY =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(<[^`;\n]*>)?`|\bsql\.(raw|ref|id|lit|table|join|val)\(/;

/** Not production code: tests, their helpers and fixtures. */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "testing", "test", "tests", "fixtures", "__tests__"]);
const isTestFile = (name: string) => /\.(test|spec|stories|bench)\.tsx?$/.test(name);

function* sourceFiles(folder: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* sourceFiles(full);
    } else if (/\.tsx?$/.test(entry.name) && !isTestFile(entry.name)) yield full;
  }
}

/** Every `apps/*\/src` and `packages/*\/src` folder but packages/db's own. */
function productionSourceFolders(): string[] {
  return ["apps", "packages"].flatMap((group) =>
    readdirSync(path.join(repoRoot, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !(group === "packages" && entry.name === "db"))
      .map((entry) => path.join(repoRoot, group, entry.name, "src")),
  );
}

/** `file:line: text` for each line outside packages/db that starts a query. */
function findQueriesOutsideDb(): string[] {
  const found: string[] = [];
  for (const folder of productionSourceFolders()) {
    for (const file of sourceFiles(folder)) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, index) => {
          if (QUERY.test(line)) found.push(`${path.relative(repoRoot, file)}:${index + 1}: ${line.trim()}`);
        });
    }
  }
  return found;
}

describe("queries live in packages/db", () => {
  it("finds no Kysely query or sql template in another package's or app's production code", () => {
    // Each offender: move the query into a named function in packages/db/src/*.queries.ts and call that.
    expect(findQueriesOutsideDb()).toEqual([]);
  });

  it("recognises each way a query starts", () => {
    const lines = [
      'trx.selectFrom("cases")',
      '  .insertInto("users")',
      'db.updateTable("schools")',
      'trx.deleteFrom("sessions")',
      "sql`select 1`",
      "sql<number>`count(*)`",
      'sql.raw("select 1")',
      'sql.ref("cases.id")',
    ];
    expect(lines.filter((line) => !QUERY.test(line))).toEqual([]);
    expect(
      ["const sqlite = 1;", "selectFromList(items)", "// the SQL lives in packages/db"].filter((l) => QUERY.test(l)),
    ).toEqual([]);
  });
});
