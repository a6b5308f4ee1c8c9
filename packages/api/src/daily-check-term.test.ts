import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findClockRun, withTenant, type StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { addDays, addMonths, type IsoDate } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

import { runDailyCheck, type DailyCheckMove } from "./services/daily-check.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

// The daily clock over a simulated term for each authority: the check runs every day from the start of
// the autumn term, as the server's clock would, and each authority's timed rules are taken on the day
// they come to hold (a stage's time limit, an overdue visit, a rolling window emptying), and only then.

const START: IsoDate = "2021-10-04";
const END: IsoDate = "2022-02-28";

const fact = (name: string) => ({ var: name });

/** Cambridgeshire with a register of concern counted over a rolling six weeks, and a two-month limit on a stage. */
function cambridgeshireTimed(policy: PolicyDocument): PolicyDocument {
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
    measures: [
      ...(policy.measures ?? []),
      {
        key: "concerns-in-six-weeks",
        label: "Concerns in the last six weeks",
        aggregate: "count",
        of: { kind: "register", register: "concerns" },
        window: { kind: "rolling", last: { count: 6, unit: "weeks" } },
      },
      {
        key: "concerns-ever",
        label: "Concerns",
        aggregate: "count",
        of: { kind: "register", register: "concerns" },
        window: { kind: "all" },
      },
    ],
    escalation: {
      ...policy.escalation,
      transitions: [
        ...policy.escalation.transitions,
        {
          key: "two-concerns-in-six-weeks",
          from: ["support-and-challenge"],
          to: "intervention-and-support",
          label: "Two concerns in six weeks",
          mode: "automatic",
          when: { ">=": [fact("measures.concerns-in-six-weeks"), 2] },
          requiresReason: false,
        },
        {
          key: "no-concerns-for-six-weeks",
          from: ["intervention-and-support"],
          to: "support-and-challenge",
          label: "No concerns for six weeks",
          mode: "automatic",
          when: {
            and: [{ "==": [fact("measures.concerns-in-six-weeks"), 0] }, { ">=": [fact("measures.concerns-ever"), 1] }],
          },
          requiresReason: false,
        },
        {
          key: "two-months-of-intensive-support",
          from: ["intervention-and-support"],
          to: "support-and-challenge",
          label: "Two months of intensive support are over",
          mode: "automatic",
          when: { ">=": [fact("case.monthsInStage"), 2] },
          requiresReason: false,
        },
      ],
    },
  };
}

/** Lincolnshire with a follow-up visit once any planned visit is overdue, and a one-month limit on it. */
function lincolnshireTimed(policy: PolicyDocument): PolicyDocument {
  return {
    ...policy,
    escalation: {
      ...policy.escalation,
      transitions: [
        ...policy.escalation.transitions,
        {
          key: "visit-overdue",
          from: ["support-monitor-and-challenge"],
          to: "follow-up-visit",
          label: "A planned visit is overdue",
          mode: "automatic",
          when: { or: policy.visitTypes.map((v) => ({ "===": [fact(`visits.${v.key}.overdue`), true] })) },
          requiresReason: false,
        },
        {
          key: "a-month-at-follow-up",
          from: ["follow-up-visit"],
          to: "strategy",
          label: "A month at follow-up visit",
          mode: "automatic",
          when: { ">=": [fact("case.monthsInStage"), 1] },
          requiresReason: false,
        },
      ],
    },
  };
}

let database: StewardDatabase;
let world: TestWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "term", (key, policy) =>
    key === "cambridgeshire" ? cambridgeshireTimed(policy) : lincolnshireTimed(policy),
  );
}, 180_000);
afterAll(async () => database?.close());

/** Runs the check every day of the term for one authority: every move, with the day it was made. */
async function runTerm(tenantId: string, from: IsoDate, to: IsoDate) {
  const moves: (DailyCheckMove & { date: IsoDate })[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const now = new Date(`${day}T06:00:00Z`);
    const summary = await runDailyCheck(database.db, { tenantId, date: day, now });
    expect(summary).toMatchObject({ outcome: "checked", failed: [] });
    moves.push(...summary.moved.map((m) => ({ ...m, date: day })));
  }
  return moves;
}

/** Runs a day again: it was checked, so nothing happens (no event, no audit row). */
async function expectRerunChangesNothing(
  reader: TestClient,
  auditor: TestClient,
  tenantId: string,
  day: IsoDate,
  caseIds: string[],
) {
  const versions = async () =>
    Promise.all(caseIds.map(async (id) => (await reader.api.cases.get({ caseId: id })).version));
  const audit = async () => (await auditor.api.audit.list({ action: "daily-check" })).entries.length;
  const [before, auditBefore] = [await versions(), await audit()];
  const again = await runDailyCheck(database.db, { tenantId, date: day, now: new Date(`${day}T07:00:00Z`) });
  expect(again).toMatchObject({ outcome: "already-checked", moved: [] });
  expect(await versions()).toEqual(before);
  expect(await audit()).toBe(auditBefore);
}

describe("Cambridgeshire over a term", () => {
  it("steps a case down when its rolling window empties and ends a stage when its time limit passes, each on its day", async () => {
    const t = world.tenants.cambridgeshire;
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    const admin = await world.as("cambridgeshire", "policy-administrator");
    const [concernsSchool, limitSchool] = t.schools;
    // Two concerns in the first week of term move the concerns case up at once (the command's own rules).
    const concernsCase = (await senior.api.cases.open({ urn: concernsSchool!.urn })).caseId;
    for (const occurredOn of ["2021-09-30", "2021-10-04"])
      await senior.api.registers.logEntry({ caseId: concernsCase, register: "concerns", occurredOn, fields: {} });
    expect((await senior.api.cases.get({ caseId: concernsCase })).stage?.key).toBe("intervention-and-support");
    // An officer moves the other case to intensive support by hand on the first day.
    const limitCase = (await senior.api.cases.open({ urn: limitSchool!.urn })).caseId;
    await senior.api.cases.changeStage({ caseId: limitCase, stage: "intervention-and-support", reason: "Concerns" });

    const moves = await runTerm(t.tenant.id, START, END);
    // The last concern (4 October) leaves the six-week window on 15 November.
    expect(moves.filter((m) => m.caseId === concernsCase)).toEqual([
      expect.objectContaining({
        date: "2021-11-15",
        transition: "no-concerns-for-six-weeks",
        to: "support-and-challenge",
      }),
    ]);
    // Two months in the stage from 4 October: 4 December.
    expect(moves.filter((m) => m.caseId === limitCase)).toEqual([
      expect.objectContaining({
        date: addMonths(START, 2),
        transition: "two-months-of-intensive-support",
        to: "support-and-challenge",
      }),
    ]);
    const view = await senior.api.cases.get({ caseId: concernsCase });
    expect(view.timeline.at(-1)).toMatchObject({ actor: "Steward", at: "2021-11-15T06:00:00.000Z" });
    await expectRerunChangesNothing(senior, admin, t.tenant.id, "2021-11-15", [concernsCase, limitCase]);
    expect(await withTenant(database.db, t.tenant.id, (trx) => findClockRun(trx, END))).toMatchObject({
      status: "finished",
      cases_checked: 2,
    });
  }, 300_000);
});

describe("Lincolnshire over a term", () => {
  it("moves a case the day after its planned visit was due and not made, then on when its month at follow-up is up", async () => {
    const t = world.tenants.lincolnshire;
    const head = await world.as("lincolnshire", "head-of-school-standards");
    const [school, quietSchool] = t.schools;
    const caseId = (await head.api.cases.open({ urn: school!.urn })).caseId;
    const quietCase = (await head.api.cases.open({ urn: quietSchool!.urn })).caseId;
    await head.api.assessments.decide({ caseId, category: "vulnerable", effectiveFrom: START });
    const firstDue = (await head.api.cases.get({ caseId })).visitPlan.map((slot) => slot.dueBy).sort()[0]!;
    expect(firstDue < END).toBe(true);

    const moves = await runTerm(t.tenant.id, START, END);
    const overdueDay = addDays(firstDue, 1);
    expect(moves).toEqual([
      expect.objectContaining({ caseId, date: overdueDay, transition: "visit-overdue", to: "follow-up-visit" }),
      expect.objectContaining({
        caseId,
        date: addMonths(overdueDay, 1),
        transition: "a-month-at-follow-up",
        to: "strategy",
      }),
    ]);
    // The dashboard shows the visit overdue from that day.
    await world.at(`${overdueDay}T09:00:00Z`, head);
    const list = await head.api.cases.list({ status: "open" });
    expect(list.items.find((i) => i.id === caseId)).toMatchObject({ overdue: true });
    expect(list.items.find((i) => i.id === quietCase)).toMatchObject({ overdue: false });
    await expectRerunChangesNothing(head, head, t.tenant.id, overdueDay, [caseId, quietCase]);
  }, 300_000);
});
