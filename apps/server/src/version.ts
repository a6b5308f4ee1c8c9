import { readFileSync } from "node:fs";

/** The server package's version: what `health` reports. */
export const appVersion: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
