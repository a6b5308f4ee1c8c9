import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findClockRun, listCaseEvents, withTenant, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";

import { catchUpDailyChecks, listDaysToCheck, runDailyCheck } from "./services/daily-check.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let adviser: TestClient;
let senior: TestClient;
let admin: TestClient;
/** A maintained school's case that three concerns in a year escalated. */
let concernsCase: string;
/** An academy's case moved on by a trust finance concern, current for three months. */
let academyCase: string;
/** A case nothing moves. */
let quietCase: string;

const count = (key: string) => ({ var: `measures.${key}` });

/**
 * Cambridgeshire's policy (a clone) with a register of concern, measures
 * counting it over a rolling year, the last three months and since the case
 * last stepped down, and a trust finance concern an officer flags (current for
 * three months), each with automatic transitions: three concerns in a year
 * escalate a maintained school and none in three months step it down (and
 * only new concerns escalate it again); a current trust finance concern moves
 * an academy to a meeting, and once it lapses moves it back.
 */
function withTimedRules(key: "cambridgeshire" | "lincolnshire", policy: PolicyDocument): PolicyDocument {
  if (key !== "cambridgeshire") return policy;
  const la = ["school-improvement-adviser", "la-senior-officer"];
  return {
    ...policy,
    registers: [
      ...(policy.registers ?? []),
      {
        key: "concerns",
        label: "Register of concern",
        entryLabel: "concern",
        occurredOnLabel: "Date the concern was received",
        schema: { type: "object", properties: { summary: { type: "string", title: "Summary" } } },
        access: { log: la, read: la, close: ["la-senior-officer"] },
        visibleToSchools: false,
      },
    ],
    indicators: [
      ...(policy.indicators ?? []),
      {
        key: "trust-finance-concern",
        label: "Concern about the trust's finances",
        type: { kind: "boolean" },
        from: [{ kind: "entry", roles: ["la-senior-officer"] }],
        currentFor: { count: 3, unit: "months" },
        visibleToSchools: false,
      },
    ],
    measures: [
      ...(policy.measures ?? []),
      {
        key: "concerns-in-a-year",
        label: "Concerns in the last year",
        aggregate: "count",
        of: { kind: "register", register: "concerns" },
        window: { kind: "rolling", last: { count: 12, unit: "months" } },
      },
      {
        key: "concerns-in-three-months",
        label: "Concerns in the last three months",
        aggregate: "count",
        of: { kind: "register", register: "concerns" },
        window: { kind: "rolling", last: { count: 3, unit: "months" } },
      },
      {
        key: "concerns-since-stepping-down",
        label: "Concerns since the case last returned to monitoring",
        aggregate: "count",
        of: { kind: "register", register: "concerns" },
        window: {
          kind: "since-event",
          event: "stage-changed",
          where: { "==": [{ var: "stage" }, "support-and-challenge"] },
        },
      },
    ],
    escalation: {
      ...policy.escalation,
      transitions: [
        ...policy.escalation.transitions,
        {
          key: "three-concerns-in-a-year",
          from: ["support-and-challenge"],
          to: "intervention-and-support",
          label: "Three concerns in a year",
          mode: "automatic",
          when: {
            and: [{ ">=": [count("concerns-in-a-year"), 3] }, { ">=": [count("concerns-since-stepping-down"), 3] }],
          },
          requiresReason: false,
        },
        {
          key: "no-concerns-for-three-months",
          from: ["intervention-and-support"],
          to: "support-and-challenge",
          label: "No concerns for three months",
          mode: "automatic",
          when: { "==": [count("concerns-in-three-months"), 0] },
          requiresReason: false,
        },
        {
          key: "trust-finance-concern-raised",
          from: ["support-and-challenge"],
          to: "academy-concerns-meeting",
          label: "Concern about the trust's finances",
          mode: "automatic",
          when: { "===": [{ var: "indicators.trust-finance-concern" }, true] },
          requiresReason: false,
        },
        {
          key: "trust-finance-concern-lapsed",
          from: ["academy-concerns-meeting"],
          to: "support-and-challenge",
          label: "The trust finance concern has lapsed",
          mode: "automatic",
          when: { "!==": [{ var: "indicators.trust-finance-concern" }, true] },
          requiresReason: false,
        },
      ],
    },
  };
}

const tenantId = () => world.tenants.cambridgeshire.tenant.id;

/** The daily check for Cambridgeshire on the world's day, as the CLI runs it. */
function tick() {
  return runDailyCheck(database.db, {
    tenantId: tenantId(),
    date: world.now.toISOString().slice(0, 10),
    now: world.now,
  });
}

const caseState = (caseId: string) => adviser.api.cases.get({ caseId });

async function dailyCheckAudit() {
  return (await admin.api.audit.list({ action: "daily-check" })).entries;
}

async function stageOf(caseId: string) {
  return (await caseState(caseId)).stage?.key;
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "tick", withTimedRules);
  const [school, quietSchool, academy] = world.tenants.cambridgeshire.schools;
  adviser = await world.as("cambridgeshire", "school-improvement-adviser");
  senior = await world.as("cambridgeshire", "la-senior-officer");
  admin = await world.as("cambridgeshire", "policy-administrator");

  // The trust finance concern was flagged on 2 August, before the case was opened: opening it moves it on.
  await senior.api.indicators.recordValue({
    urn: academy!.urn,
    indicator: "trust-finance-concern",
    value: true,
    asAt: "2021-08-02",
  });
  academyCase = (await senior.api.cases.open({ urn: academy!.urn })).caseId;
  quietCase = (await senior.api.cases.open({ urn: quietSchool!.urn })).caseId;

  // Three concerns received in August and September and logged on 4 October: the third escalates the case at once.
  concernsCase = (await senior.api.cases.open({ urn: school!.urn })).caseId;
  for (const occurredOn of ["2021-08-10", "2021-09-01", "2021-09-28"])
    await adviser.api.registers.logEntry({
      caseId: concernsCase,
      register: "concerns",
      occurredOn,
      fields: { summary: `Concern received on ${occurredOn}` },
    });
});
afterAll(async () => database?.close());

describe("the daily check", () => {
  it("finds nothing to move on the day the rules were last applied", async () => {
    expect(await stageOf(concernsCase)).toBe("intervention-and-support");
    expect(await stageOf(academyCase)).toBe("academy-concerns-meeting");
    expect(await tick()).toEqual({
      date: "2021-10-04",
      outcome: "checked",
      resumed: false,
      casesChecked: 3,
      moved: [],
      failed: [],
    });
    expect(await dailyCheckAudit()).toEqual([]);
  });

  it("moves a case once the value its stage rests on goes stale, as Steward, on the timeline and in the audit", async () => {
    await world.at("2021-11-03T07:00:00Z", adviser, senior, admin);
    const academyUrn = world.tenants.cambridgeshire.schools[2]!.urn;
    expect(await tick()).toEqual({
      date: "2021-11-03",
      outcome: "checked",
      resumed: false,
      casesChecked: 3,
      moved: [
        {
          caseId: academyCase,
          urn: academyUrn,
          from: "academy-concerns-meeting",
          to: "support-and-challenge",
          transition: "trust-finance-concern-lapsed",
        },
      ],
      failed: [],
    });
    const view = await senior.api.cases.get({ caseId: academyCase });
    expect(view.stage).toMatchObject({ key: "support-and-challenge", since: "2021-11-03T07:00:00.000Z" });
    expect(view.timeline.at(-1)).toMatchObject({
      at: "2021-11-03T07:00:00.000Z",
      actor: "Steward",
      summary: "Moved to Monitoring, challenge and support: The trust finance concern has lapsed",
    });
    // The concerns case still has one concern (28 September) in its last three months.
    expect(await stageOf(concernsCase)).toBe("intervention-and-support");
    expect(await dailyCheckAudit()).toEqual([
      expect.objectContaining({
        actor: "Steward (daily check)",
        subjectType: "Case",
        subjectId: academyCase,
        detail: {
          date: "2021-11-03",
          transitions: [
            {
              transition: "trust-finance-concern-lapsed",
              from: "academy-concerns-meeting",
              to: "support-and-challenge",
            },
          ],
          events: ["stage-changed"],
        },
      }),
    ]);
  });

  it("moves a case once its rolling window has passed its records, and not back again", async () => {
    await world.at("2022-01-10T06:30:00Z", adviser, senior, admin);
    const before = await caseState(concernsCase);
    const summary = await tick();
    expect(summary.moved).toEqual([
      expect.objectContaining({
        caseId: concernsCase,
        from: "intervention-and-support",
        to: "support-and-challenge",
        transition: "no-concerns-for-three-months",
      }),
    ]);
    const after = await caseState(concernsCase);
    expect(after.version).toBe(before.version + 1);
    expect(after.stageHistory.at(-1)).toMatchObject({
      stage: "support-and-challenge",
      reason: "No concerns for three months",
      by: "Steward",
    });
    const events = await withTenant(database.db, tenantId(), (trx) => listCaseEvents(trx, concernsCase));
    // Stored as no user: the daily check is Steward itself.
    expect(events.at(-1)).toMatchObject({ type: "stage-changed", actor_id: null });
    expect(await dailyCheckAudit()).toHaveLength(2);
  });

  it("changes nothing when run again on the same day, or the next (the year's three concerns predate the step down)", async () => {
    const versions = async () =>
      Promise.all([concernsCase, academyCase, quietCase].map(async (id) => (await caseState(id)).version));
    const before = await versions();
    // The day was checked: a second run does nothing at all (it reports the first run's count).
    expect(await tick()).toEqual({
      date: "2022-01-10",
      outcome: "already-checked",
      resumed: false,
      casesChecked: 3,
      moved: [],
      failed: [],
    });
    await world.at("2022-01-11T06:30:00Z", adviser, senior, admin);
    expect((await tick()).moved).toEqual([]);
    expect(await versions()).toEqual(before);
    expect(await dailyCheckAudit()).toHaveLength(2);
  });

  it("reports a case it cannot check and still checks the others, writing nothing of the failed one", async () => {
    await world.at("2022-01-12T06:30:00Z", adviser, senior, admin);
    // A new concern flag for the academy: the next tick moves it. The quiet case's stored state is broken.
    await senior.api.indicators.recordValue({
      urn: world.tenants.cambridgeshire.schools[2]!.urn,
      indicator: "trust-finance-concern",
      value: true,
      asAt: "2022-01-12",
    });
    const broken = (state: string) =>
      withTenant(database.db, tenantId(), (trx) =>
        sql`update cases set state = ${state}::jsonb where id = ${quietCase}`.execute(trx),
      );
    const stored = await withTenant(database.db, tenantId(), (trx) =>
      sql<{ state: string }>`select state::text as state from cases where id = ${quietCase}`.execute(trx),
    );
    const original = stored.rows[0]!.state;
    await broken(JSON.stringify({ id: quietCase, nonsense: true }));
    try {
      const summary = await tick();
      expect(summary.casesChecked).toBe(3);
      expect(summary.failed).toHaveLength(1);
      expect(summary.failed[0]).toMatchObject({ caseId: quietCase, urn: world.tenants.cambridgeshire.schools[1]!.urn });
      expect(summary.failed[0]?.message).toContain(`Case ${quietCase}'s stored state is not a case state`);
      expect(summary.moved).toEqual([expect.objectContaining({ caseId: academyCase, to: "academy-concerns-meeting" })]);
    } finally {
      await broken(original);
    }
    const quietEvents = await withTenant(database.db, tenantId(), (trx) => listCaseEvents(trx, quietCase));
    expect(quietEvents.map((e) => e.type)).toEqual(["case-opened"]);
  });

  it("checks only the tenant it is given", async () => {
    const lincolnshire = world.tenants.lincolnshire.tenant.id;
    expect(
      await runDailyCheck(database.db, { tenantId: lincolnshire, date: "2022-01-12", now: world.now }),
    ).toMatchObject({ casesChecked: 0, moved: [] });
  });

  it("resumes a run that stopped part way after the cases it finished, checking each case once", async () => {
    const run = () => withTenant(database.db, tenantId(), (trx) => findClockRun(trx, "2022-01-13"));
    const crash = new Error("The process died.");
    await expect(
      runDailyCheck(database.db, {
        tenantId: tenantId(),
        date: "2022-01-13",
        now: world.now,
        batchSize: 1,
        afterBatch: (checked) => {
          if (checked === 1) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await run()).toMatchObject({ status: "running", cases_checked: 1, attempts: 1, error: "The process died." });

    const resumed = await runDailyCheck(database.db, { tenantId: tenantId(), date: "2022-01-13", now: world.now });
    expect(resumed).toMatchObject({ outcome: "checked", resumed: true, casesChecked: 2 });
    expect(await run()).toMatchObject({ status: "finished", cases_checked: 3, attempts: 2, error: null });
  });

  it("checks each case once when two processes run the same day at the same moment", async () => {
    const audit = (await dailyCheckAudit()).length;
    const both = await Promise.all(
      [1, 2].map(() =>
        runDailyCheck(database.db, { tenantId: tenantId(), date: "2022-01-14", now: world.now, batchSize: 1 }),
      ),
    );
    expect(both.reduce((n, s) => n + (s.outcome === "checked" ? s.casesChecked : 0), 0)).toBe(3);
    expect(await withTenant(database.db, tenantId(), (trx) => findClockRun(trx, "2022-01-14"))).toMatchObject({
      status: "finished",
      cases_checked: 3,
    });
    expect(await dailyCheckAudit()).toHaveLength(audit);
  });

  it("catches up the days it missed one by one in order, at most a bounded number", async () => {
    expect(await listDaysToCheck(database.db, tenantId(), "2022-01-17")).toEqual([
      "2022-01-15",
      "2022-01-16",
      "2022-01-17",
    ]);
    // A server off for a month catches up only its last days.
    expect(await listDaysToCheck(database.db, tenantId(), "2022-02-20", 2)).toEqual(["2022-02-19", "2022-02-20"]);
    const summaries = await catchUpDailyChecks(database.db, {
      tenantId: tenantId(),
      date: "2022-01-17",
      now: world.now,
    });
    expect(summaries.map((s) => [s.date, s.outcome, s.casesChecked])).toEqual([
      ["2022-01-15", "checked", 3],
      ["2022-01-16", "checked", 3],
      ["2022-01-17", "checked", 3],
    ]);
    expect(await catchUpDailyChecks(database.db, { tenantId: tenantId(), date: "2022-01-17", now: world.now })).toEqual(
      [],
    );
  });
});
