import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import type * as Passwords from "./auth/passwords.ts";
import { RateLimiter } from "./auth/rate-limiter.ts";
import { readInvitationToken } from "./testing/fixtures/outbox.ts";
import { TEST_PASSWORD, TestClient, TestWorld } from "./testing/fixtures/world.ts";
import { containing } from "./testing/matchers.ts";

// Counts argon2 hashes of new passwords (the real function still runs).
const hashing = vi.hoisted(() => ({ calls: 0 }));
vi.mock("./auth/passwords.ts", async (importOriginal) => {
  const original = await importOriginal<typeof Passwords>();
  return {
    ...original,
    hashPassword: (password: string) => {
      hashing.calls += 1;
      return original.hashPassword(password);
    },
  };
});

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
    await expect(
      client.api.auth.signIn({ tenant: slug(), email: email("la-senior-officer"), password: "wrong password!" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED", message: containing("not right") });
    await expect(
      client.api.auth.signIn({ tenant: slug(), email: "nobody@nowhere.test", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED", message: containing("not right") });
    expect(client.cookies).toEqual({});
    expect(await client.api.auth.me()).toBeNull();
  });

  it("signs in with an HttpOnly session and tells the page who the user is and what they may do", async () => {
    const client = await world.as("cambridgeshire", "headteacher");
    const me = await client.api.auth.me();
    expect(me).toMatchObject({
      audience: "school",
      schoolUrn: world.tenants.cambridgeshire.schools[0]!.urn,
      tenant: { name: "Cambridgeshire County Council" },
    });
    expect(me!.roles.map((r) => r.label)).toEqual(["Headteacher"]);
    expect(me!.can).toContain("acknowledge Letter");
    expect(me!.can).not.toContain("publish Policy");
  });

  it("throttles failures per email and address: the attacker's address is held back, the real user's is not, and an email with no account answers the same", async () => {
    const attacker = new TestClient(world, "198.51.100.66");
    const target = email("governor");
    const wrong = { tenant: slug(), email: target, password: "not the password" };
    for (let i = 0; i < 4; i++)
      await expect(attacker.api.auth.signIn(wrong)).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: containing("not right"),
      });
    const fifth = (await attacker.api.auth.signIn(wrong).catch((e: unknown) => e)) as { code: string; message: string };
    expect(fifth).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: containing("Try again in 15 minutes"),
    });
    expect(fifth.message).not.toMatch(/lock|account/i);
    // Held back even with the right password, from that address...
    await expect(attacker.api.auth.signIn({ ...wrong, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // ...but the real user, from their own address, signs in.
    const real = new TestClient(world, "203.0.113.200");
    await real.signIn(slug(), target);
    expect(await real.api.auth.me()).not.toBeNull();

    // An email with no account: the same answers at the same moments (no enumeration).
    const ghost = { tenant: slug(), email: "no-such-person@cambridgeshire.example", password: "not the password" };
    const answers: unknown[] = [];
    for (let i = 0; i < 6; i++)
      answers.push(
        await attacker.api.auth.signIn(ghost).catch((e: { code: string; message: string }) => [e.code, e.message]),
      );
    const realAnswers: unknown[] = [];
    const other = email("chair-of-governors");
    for (let i = 0; i < 6; i++)
      realAnswers.push(
        await attacker.api.auth
          .signIn({ ...ghost, email: other })
          .catch((e: { code: string; message: string }) => [e.code, e.message]),
      );
    expect(answers).toEqual(realAnswers);

    // The hold ends after fifteen minutes.
    const started = world.now;
    world.now = new Date(started.getTime() + 16 * 60_000);
    try {
      await attacker.signIn(slug(), target);
      expect(await attacker.api.auth.me()).not.toBeNull();
    } finally {
      world.now = started;
    }
  });

  it("limits the attempts from one address", async () => {
    const before = world.limiter;
    world.limiter = new RateLimiter(3, 60_000);
    try {
      const client = world.client();
      for (let i = 0; i < 3; i++)
        await expect(
          client.api.auth.signIn({ tenant: slug(), email: "x@y.test", password: "nope nope nope" }),
        ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(
        client.api.auth.signIn({ tenant: slug(), email: email("la-senior-officer"), password: TEST_PASSWORD }),
      ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: containing("Wait") });
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
      await expect(idle.api.cases.list({})).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: containing("sign in again"),
      });

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
    await expect(client.api.cases.open({ urn })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: containing("reload the page"),
    });
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
    const { sentTo, user } = await admin.api.users.invite({
      email: "new.adviser@cambs.test",
      displayName: "New Adviser",
      grants: [{ role: "school-improvement-adviser" }],
    });
    expect(user.status).toBe("invited");
    // The link goes to the invitee by email, never back to the inviter.
    expect(sentTo).toBe("new.adviser@cambs.test");
    const inviteToken = await readInvitationToken(world.database, world.tenants.cambridgeshire.tenant.id, sentTo);
    const guest = world.client();
    await expect(
      guest.api.auth.acceptInvite({ tenant: slug(), token: inviteToken, password: "short" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: containing("12 characters") });
    await guest.api.auth.acceptInvite({ tenant: slug(), token: inviteToken, password: "a long enough password" });
    await guest.signIn(slug(), "new.adviser@cambs.test", "a long enough password");
    expect((await guest.api.auth.me())?.roles.map((r) => r.key)).toEqual(["school-improvement-adviser"]);
    await expect(
      world.client().api.auth.acceptInvite({ tenant: slug(), token: inviteToken, password: "a long enough password" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("checks an invitation's token before spending time hashing the new password", async () => {
    const before = hashing.calls;
    for (const token of ["x".repeat(43), "not-a-real-invitation-token-at-all"]) {
      await expect(
        world.client().api.auth.acceptInvite({ tenant: slug(), token, password: "a long enough password" }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(
      world.client().api.auth.acceptInvite({
        tenant: "no-such-authority",
        token: "x".repeat(43),
        password: "a long enough password",
      }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(hashing.calls).toBe(before);
  });

  it("limits invitation attempts from one address", async () => {
    const before = world.limiter;
    world.limiter = new RateLimiter(3, 60_000);
    try {
      const guest = new TestClient(world, "198.51.100.77");
      for (let i = 0; i < 3; i++)
        await expect(
          guest.api.auth.acceptInvite({
            tenant: slug(),
            token: `guess-${i}-${"y".repeat(30)}`,
            password: "a long enough password",
          }),
        ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
      await expect(
        guest.api.auth.acceptInvite({
          tenant: slug(),
          token: `guess-9-${"y".repeat(30)}`,
          password: "a long enough password",
        }),
      ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", message: containing("Wait") });
    } finally {
      world.limiter = before;
    }
  });
});

describe("the session cookie", () => {
  it.each([
    ["36 dashes", `${"-".repeat(36)}.${"a".repeat(43)}`],
    ["a UUID of no authority", `00000000-0000-4000-8000-000000000000.${"a".repeat(43)}`],
    ["garbage", "%%%;drop table sessions;--"],
    ["dashes in a UUID's shape with no digits", `--------.----.----.----.------------.${"a".repeat(43)}`],
    ["an over-long value", `${"f".repeat(8)}-ffff-ffff-ffff-${"f".repeat(12)}.${"a".repeat(5000)}`],
    ["a UUID and nothing else", "00000000-0000-4000-8000-000000000000"],
  ])("treats %s as no session", async (_what, value) => {
    const client = world.client();
    client.cookies.steward_session = value;
    client.csrf = "whatever-it-is-long-enough";
    expect(await client.api.auth.me()).toBeNull();
    await expect(client.api.cases.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("treats another authority's id beside a real token as no session", async () => {
    const client = await world.as("cambridgeshire", "la-senior-officer");
    const [, token] = client.cookies.steward_session!.split(".");
    client.cookies.steward_session = `${world.tenants.lincolnshire.tenant.id}.${token}`;
    expect(await client.api.auth.me()).toBeNull();
  });
});
