import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { findUserByEmail, updateUser, withTenant, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import type * as passwords from "./auth/passwords.ts";
import { TestWorld } from "./testing/fixtures/world.ts";

// Sign-in checks the password (argon2, tens of milliseconds) with no
// transaction open: the embedded database has one connection, and a held
// transaction would stall every other request. Here the database is written
// WHILE the password is being checked: that write must not wait for the
// sign-in (it would never finish on the embedded database), and the sign-in
// must see it.

/** Runs once while the next password is being checked. */
const during = vi.hoisted(() => ({ work: undefined as (() => Promise<void>) | undefined }));

vi.mock("./auth/passwords.ts", async (importOriginal) => {
  const original = await importOriginal<typeof passwords>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      const work = during.work;
      during.work = undefined;
      await work?.();
      return original.verifyPassword(hash, password);
    },
  };
});

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "signin-outside");
});

afterAll(async () => {
  await database.close();
});

describe("signing in", () => {
  it("holds no transaction while the password is checked, and refuses an account disabled meanwhile", async () => {
    const t = world.tenants.cambridgeshire;
    const email = t.users["school-improvement-adviser"]!;
    during.work = () =>
      withTenant(database.db, t.tenant.id, async (trx) => {
        const user = await findUserByEmail(trx, email);
        await updateUser(trx, user!.id, { status: "disabled" });
      });

    await expect(world.as("cambridgeshire", "school-improvement-adviser")).rejects.toThrow(/not right/);
    expect(during.work).toBeUndefined();
  });

  it("still signs in an account that nothing changed", async () => {
    const client = await world.as("cambridgeshire", "la-senior-officer");
    expect((await client.api.auth.me())?.user.email).toBe(world.tenants.cambridgeshire.users["la-senior-officer"]);
  });
});
