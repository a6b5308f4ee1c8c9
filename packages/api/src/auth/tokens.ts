import { createHash, randomBytes } from "node:crypto";

/** A random token for a cookie or a link (256 bits, URL-safe). */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored of a token: its SHA-256, so a copy of the database holds no live session. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
