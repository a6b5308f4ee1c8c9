import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { AccessFilter } from "./access.ts";
import type { StewardDatabase } from "./connection.ts";
import { exportRegisterEntries, listRegisterEntries, saveRegisterEntries } from "./registers.queries.ts";
import type { Tenant } from "./schema.ts";
import { withTenant } from "./tenant.ts";
import { createTestCase, createTestTenant, openTestDatabase } from "./testing/index.ts";

let database: StewardDatabase;
let tenant: Tenant;
let other: Tenant;
let userId: string;
const cases: Record<number, string> = {};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await createTestTenant(database.db, "Registers");
  other = await createTestTenant(database.db, "Elsewhere");
  for (const urn of [100001, 100002]) cases[urn] = (await createTestCase(database.db, tenant.id, urn)).id;
  const otherCase = await createTestCase(database.db, other.id, 100001);
  await withTenant(database.db, tenant.id, async (trx) => {
    userId = (
      await trx
        .insertInto("users")
        .values({ tenant_id: tenant.id, email: "officer@a.test", display_name: "Ann Officer", password_hash: null })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const entry = (n: number, register: string, occurredOn: string) => ({
      id: id(n),
      register,
      occurredOn,
      fields: { summary: `Entry ${n}` },
      status: "open" as const,
      loggedBy: userId,
      loggedAt: "2026-03-01T10:00:00Z",
    });
    await saveRegisterEntries(trx, tenant.id, cases[100001]!, 100001, [
      entry(1, "concerns", "2026-01-10"),
      entry(2, "concerns", "2026-02-10"),
      entry(3, "complaints", "2026-02-20"),
    ]);
    await saveRegisterEntries(trx, tenant.id, cases[100002]!, 100002, [
      entry(4, "concerns", "2026-02-01"),
      entry(5, "complaints", "2026-01-15"),
    ]);
  });
  await withTenant(database.db, other.id, async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ tenant_id: other.id, email: "b@b.test", display_name: "B", password_hash: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await saveRegisterEntries(trx, other.id, otherCase.id, 100001, [
      {
        id: id(9),
        register: "concerns",
        occurredOn: "2026-02-02",
        fields: {},
        status: "open",
        loggedBy: user.id,
        loggedAt: "2026-03-01T10:00:00Z",
      },
    ]);
  });
});

afterAll(async () => {
  await database.close();
});

const everything: AccessFilter = { kind: "all" };
const list = (access: AccessFilter, filter: Parameters<typeof listRegisterEntries>[2]) =>
  withTenant(database.db, tenant.id, (trx) => listRegisterEntries(trx, access, filter));
const page = { limit: 50, offset: 0 };

describe("the register list across schools", () => {
  it("lists the tenant's entries newest first by the date they happened, with the school and who logged them", async () => {
    const { rows, total } = await list(everything, page);
    expect(total).toBe(5);
    expect(rows.map((r) => r.id)).toEqual([id(3), id(2), id(4), id(5), id(1)]);
    expect(rows[0]).toMatchObject({
      school_urn: 100001,
      school_name: "School 100001",
      register: "complaints",
      occurred_on: "2026-02-20",
      logged_by_name: "Ann Officer",
      status: "open",
      fields: { summary: "Entry 3" },
    });
  });

  it("filters by register, status, school (URN or name) and the dates it happened", async () => {
    expect((await list(everything, { ...page, register: "concerns" })).total).toBe(3);
    expect((await list(everything, { ...page, school: "100002" })).rows.map((r) => r.id)).toEqual([id(4), id(5)]);
    expect((await list(everything, { ...page, school: "school 10000" })).total).toBe(5);
    const window = await list(everything, { ...page, occurredFrom: "2026-01-15", occurredTo: "2026-02-10" });
    expect(window.rows.map((r) => r.id)).toEqual([id(2), id(4), id(5)]);
    expect((await list(everything, { ...page, status: "closed" })).total).toBe(0);
  });

  it("pages, with the total of every page", async () => {
    const second = await list(everything, { limit: 2, offset: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([id(4), id(5)]);
    expect(second.total).toBe(5);
  });

  it("counts and lists only what the access filter lets the user read", async () => {
    const concernsOnly: AccessFilter = { kind: "some", anyOf: [{ register: "concerns" }], noneOf: [] };
    const concerns = await list(concernsOnly, page);
    expect(concerns.total).toBe(3);
    expect(new Set(concerns.rows.map((r) => r.register))).toEqual(new Set(["concerns"]));
    const ownSchool: AccessFilter = {
      kind: "some",
      anyOf: [{ register: "complaints", schoolUrn: 100002 }],
      noneOf: [],
    };
    expect((await list(ownSchool, page)).rows.map((r) => r.id)).toEqual([id(5)]);
    // A filter the user asks for cannot widen it.
    expect((await list(ownSchool, { ...page, register: "concerns" })).total).toBe(0);
    expect((await list({ kind: "none" }, page)).total).toBe(0);
  });

  it("updates an entry when it is closed, and the export follows the same filter", async () => {
    await withTenant(database.db, tenant.id, (trx) =>
      saveRegisterEntries(trx, tenant.id, cases[100001]!, 100001, [
        {
          id: id(2),
          register: "concerns",
          occurredOn: "2026-02-10",
          fields: { summary: "Entry 2" },
          status: "closed",
          loggedBy: userId,
          loggedAt: "2026-03-01T10:00:00Z",
          closedBy: userId,
          closedAt: "2026-03-05T10:00:00Z",
          closeNote: "Resolved.",
        },
      ]),
    );
    const closed = await list(everything, { ...page, status: "closed" });
    expect(closed.rows).toEqual([
      expect.objectContaining({ id: id(2), status: "closed", close_note: "Resolved.", closed_by_name: "Ann Officer" }),
    ]);
    const exported = await withTenant(database.db, tenant.id, (trx) =>
      exportRegisterEntries(trx, everything, { register: "concerns", status: "open", limit: 1000 }),
    );
    expect(exported.map((r) => r.id)).toEqual([id(4), id(1)]);
  });

  it("shows another tenant none of these entries", async () => {
    const theirs = await withTenant(database.db, other.id, (trx) => listRegisterEntries(trx, everything, page));
    expect(theirs.rows.map((r) => r.id)).toEqual([id(9)]);
    expect(theirs.total).toBe(1);
  });
});
