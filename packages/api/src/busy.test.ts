import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";

import { DbError } from "@steward/db";

import { toClientError } from "./errors.ts";

describe("a full queue for the embedded database", () => {
  it("reaches the client as HTTP 503 with a sentence to try again", () => {
    const error = toClientError(
      new DbError("busy", "The embedded database is busy: 100 requests are already waiting for it.", {
        cause: undefined,
      }),
    );
    expect(getHTTPStatusCodeFromError(error)).toBe(503);
    expect(error.message).toBe("Steward is busy: try again in a moment.");
  });
});
