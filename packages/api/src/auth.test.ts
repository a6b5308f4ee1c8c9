import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimiter } from "./auth/rate-limiter.ts";
import { TEST_PASSWORD, TestWorld } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "auth");
});
afterAll(async () => database?.close());

const slug = () => world.tenants.cambridgeshire.tenant.slug;
const email = (role: string) => world.tenants.cambridgeshire.users[role]!;

describe("sign-in", () => {
  it("refuses a wrong password or an unknown email with the same words, and sets no cookie", async () => {
    const client = world.client();
    await expect(client.api.auth.signIn({ tenant: slug(), email: email("la-senior-officer"), password: "wrong password!" })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("not right") });
    await expect(client.api.auth.signIn({ tenant: slug(), email: "nobody@nowhere.test", password: TEST_PASSWORD })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("not right") });
    expect(client.cookies).toEqual({});
    expect(await client.api.auth.me()).toBeNull();
  });

  it("signs in with an HttpOnly session and tells the page who the user is and what they may do", async () => {
    const client = await world.as("cambridgeshire", "headteacher");
    const me = await client.api.auth.me();
    expect(me).toMatchObject({ audience: "school", schoolUrn: world.tenants.cambridgeshire.schools[0]!.urn, tenant: { name: "Cambridgeshire County Council" } });
    expect(me!.roles.map((r) => r.label)).toEqual(["Headteacher"]);
    expect(me!.can).toContain("acknowledge Letter");
    expect(me!.can).not.toContain("publish Policy");
  });

  it("locks an account after five failures in a row, even against the right password, for fifteen minutes", async () => {
    const client = world.client();
    const target = email("governor");
    for (let i = 0; i < 4; i++) await expect(client.api.auth.signIn({ tenant: slug(), email: target, password: "not the password" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(client.api.auth.signIn({ tenant: slug(), email: target, password: "not the password" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("locked") });
    await expect(client.api.auth.signIn({ tenant: slug(), email: target, password: TEST_PASSWORD })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const started = world.now;
    world.now = new Date(started.getTime() + 16 * 60_000);
    try {
      await client.api.auth.signIn({ tenant: slug(), email: target, password: TEST_PASSWORD });
      expect(await client.api.auth.me()).not.toBeNull();
    } finally {
      world.now = started;
    }
  });

  it("limits the attempts from one address", async () => {
    const before = world.limiter;
    world.limiter = new RateLimiter(3, 60_000);
    try {
      const client = world.client();
      for (let i = 0; i < 3; i++) await expect(client.api.auth.signIn({ tenant: slug(), email: "x@y.test", password: "nope nope nope" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(client.api.auth.signIn({ tenant: slug(), email: email("la-senior-officer"), password: TEST_PASSWORD })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Wait") });
    } finally {
      world.limiter = before;
    }
  });

  it("ends a session after 30 idle minutes, and after 12 hours however busy", async () => {
    const started = world.now;
    try {
      const idle = await world.as("cambridgeshire", "la-senior-officer");
      world.now = new Date(started.getTime() + 31 * 60_000);
      expect(await idle.api.auth.me()).toBeNull();
      await expect(idle.api.cases.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("sign in again") });

      const busy = await world.as("cambridgeshire", "la-senior-officer");
      for (let minutes = 20; minutes <= 12 * 60; minutes += 20) {
        world.now = new Date(started.getTime() + 31 * 60_000 + minutes * 60_000);
        if (minutes < 12 * 60 - 20) expect(await busy.api.auth.me(), `at ${minutes} minutes`).not.toBeNull();
      }
      world.now = new Date(started.getTime() + 31 * 60_000 + 12 * 60 * 60_000 + 60_000);
      expect(await busy.api.auth.me()).toBeNull();
    } finally {
      world.now = started;
    }
  });

  it("refuses a mutation without the session's CSRF token, and writes nothing", async () => {
    const client = await world.as("cambridgeshire", "la-senior-officer");
    const urn = world.tenants.cambridgeshire.schools[1]!.urn;
    client.sendCsrf = false;
    await expect(client.api.cases.open({ urn })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("reload the page") });
    client.csrf = "a-forged-token-that-is-long-enough";
    client.sendCsrf = true;
    await expect(client.api.cases.open({ urn })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Queries need no token; the case was never opened.
    const list = await client.api.cases.list({ search: String(urn) });
    expect(list.total).toBe(0);
  });

  it("signs out: the session is gone from the database, not only the cookie", async () => {
    const client = await world.as("cambridgeshire", "la-senior-officer");
    const cookie = client.cookies.steward_session;
    await client.api.auth.signOut();
    expect(client.cookies.steward_session).toBeUndefined();
    client.cookies.steward_session = cookie;
    expect(await client.api.auth.me()).toBeNull();
  });

  it("invites a user, who sets a password from the link and signs in", async () => {
    const admin = await world.as("cambridgeshire", "policy-administrator");
    const { inviteToken, user } = await admin.api.users.invite({ email: "new.adviser@cambs.test", displayName: "New Adviser", grants: [{ role: "school-improvement-adviser" }] });
    expect(user.status).toBe("invited");
    const guest = world.client();
    await expect(guest.api.auth.acceptInvite({ tenant: slug(), token: inviteToken, password: "short" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("12 characters") });
    await guest.api.auth.acceptInvite({ tenant: slug(), token: inviteToken, password: "a long enough password" });
    await guest.signIn(slug(), "new.adviser@cambs.test", "a long enough password");
    expect((await guest.api.auth.me())?.roles.map((r) => r.key)).toEqual(["school-improvement-adviser"]);
    await expect(world.client().api.auth.acceptInvite({ tenant: slug(), token: inviteToken, password: "a long enough password" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
