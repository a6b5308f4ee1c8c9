import { readFileSync } from "node:fs";

/** The version a package.json states, or a sentence saying it states none. */
function readVersion(manifest: unknown): string {
  if (
    typeof manifest === "object" &&
    manifest !== null &&
    "version" in manifest &&
    typeof manifest.version === "string"
  )
    return manifest.version;
  throw new Error("apps/server/package.json has no version.");
}

/** The server package's version: what `health` reports. */
export const appVersion: string = readVersion(
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")),
);
