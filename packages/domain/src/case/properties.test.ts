import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import northShireJson from "@steward/policy-config/fixtures/north-shire/policy.json" with { type: "json" };

import { buildAbility, type RoleGrant } from "../permissions/ability.ts";
import { NO_SCHOOL_ATTRIBUTES } from "../permissions/subjects.ts";
import type { CaseCommand } from "./commands.ts";
import { decide } from "./decide.ts";
import type { CaseEvent } from "./events.ts";
import { fold, getStateAt } from "./evolve.ts";
import type { CaseState } from "./state.ts";

const policy = northShireJson as unknown as PolicyDocument;
const users: { id: string; grants: RoleGrant[] }[] = [
  { id: "partner", grants: [{ role: "improvement-partner" }] },
  { id: "head-of-service", grants: [{ role: "head-of-service" }] },
  { id: "head", grants: [{ role: "headteacher", schoolUrn: 100001 }] },
  { id: "stranger", grants: [{ role: "headteacher", schoolUrn: 999999 }] },
];
const abilities = new Map(
  users.map((u) => [u.id, buildAbility(policy, { id: u.id, tenantId: "t", grants: u.grants })]),
);
const dates = [
  "2026-09-08",
  "2026-10-14",
  "2026-11-04",
  "2026-12-25",
  "2027-01-12",
  "2027-03-03",
  "2027-05-04",
  "2027-06-16",
];

/** Commands of every kind, some valid, some not, referring to whatever the case holds when they run. */
const commandArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant("category"),
    category: fc.constantFrom(...policy.categories.map((c) => c.key), "nonsense"),
    rationale: fc.option(fc.constant("Because"), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("moderate"), outcome: fc.constantFrom("confirmed" as const, "returned" as const) }),
  fc.record({ kind: fc.constant("schedule"), date: fc.constantFrom(...dates) }),
  fc.record({ kind: fc.constant("record"), concerns: fc.boolean() }),
  fc.record({ kind: fc.constant("cancel") }),
  fc.record({ kind: fc.constant("meeting"), date: fc.constantFrom(...dates), strong: fc.boolean() }),
  fc.record({ kind: fc.constant("letter"), indicators: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant("approve") }),
  fc.record({ kind: fc.constant("issue") }),
  fc.record({ kind: fc.constant("acknowledge") }),
  fc.record({ kind: fc.constant("stage"), stage: fc.constantFrom(...policy.escalation.stages.map((s) => s.key)) }),
);

function toCommand(step: Record<string, unknown>, state: CaseState): CaseCommand {
  const visit = state.visits.at(-1);
  const letter = state.letters.at(-1);
  const people = { officer: { name: "Officer" }, recipient: { name: "Chair", role: "Chair of governors" } };
  const notice = policy.letterTypes[0]!;
  switch (step.kind) {
    case "category":
      return {
        type: "decide-category",
        category: step.category as string,
        effectiveFrom: "2026-09-08",
        ...(step.rationale ? { rationale: step.rationale as string } : {}),
      };
    case "moderate":
      return { type: "moderate-category", outcome: step.outcome as "confirmed", note: "Checked" };
    case "schedule":
      return { type: "schedule-visit", visitType: policy.visitTypes[0]!.key, date: step.date as string };
    case "record":
      return { type: "record-visit", visitId: visit?.id ?? "none", data: {}, concerns: step.concerns as boolean };
    case "cancel":
      return { type: "cancel-visit", visitId: visit?.id ?? "none", reason: "Illness" };
    case "meeting":
      return {
        type: "record-meeting",
        meetingType: policy.meetingTypes[0]!.key,
        date: step.date as string,
        attendees: ["partner"],
        minutes: "m",
        keyPoints: [],
        progress: (step.strong
          ? policy.meetingTypes[0]!.progressJudgements.find((p) => p.isStrong)
          : policy.meetingTypes[0]!.progressJudgements.find((p) => !p.isStrong))!.key,
      };
    case "letter":
      return {
        type: "draft-letter",
        letterType: notice.key,
        indicators: notice.indicators
          .slice(0, step.indicators as number)
          .map((i) => ({ key: i.key, evidence: "seen" })),
        people,
      };
    case "approve":
      return { type: "approve-letter", letterId: letter?.id ?? "none" };
    case "issue":
      return { type: "issue-letter", letterId: letter?.id ?? "none", people };
    case "acknowledge":
      return { type: "acknowledge-letter", letterId: letter?.id ?? "none" };
    default:
      return { type: "change-stage", stage: step.stage as string, reason: "Officer's judgement" };
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Runs steps against a fresh case; returns the events and how many commands were refused. */
function run(steps: { user: number; day: number; command: Record<string, unknown> }[]) {
  let ids = 0;
  const events: CaseEvent[] = [];
  let refused = 0;
  const context = (userIndex: number, day: number) => {
    const user = users[userIndex % users.length]!;
    return {
      policy,
      policyVersionId: "v1",
      actor: { id: user.id, grants: user.grants, ability: abilities.get(user.id)! },
      now: new Date(Date.UTC(2026, 8, 8 + day, 10)),
      newId: () => `id-${++ids}`,
      schoolAttributes: NO_SCHOOL_ATTRIBUTES,
    };
  };
  const opened = decide(
    undefined,
    { type: "open-case", school: { urn: 100001, name: "Test School", governance: "maintained", phase: "primary" } },
    context(1, 0),
  );
  if (!opened.ok) throw opened.error;
  events.push(...opened.events);
  let day = 0;
  for (const step of steps) {
    day += step.day;
    const state = deepFreeze(fold(events)!);
    const decision = decide(state, toCommand(step.command, state), context(step.user, day));
    if (decision.ok) events.push(...decision.events);
    else refused += 1;
  }
  return { events, refused };
}

let accepted = 0;
let total = 0;

describe("the engine under random command sequences", () => {
  const steps = fc.array(
    fc.record({
      user: fc.integer({ min: 0, max: 3 }),
      day: fc.integer({ min: 0, max: 20 }),
      command: commandArbitrary,
    }),
    { maxLength: 25 },
  );

  it("never changes the state it is given, emits nothing for a refused command, and decides the same way twice", () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        const first = run(sequence);
        const second = run(sequence);
        expect(second.events).toEqual(first.events);
        expect(first.events.length).toBeGreaterThanOrEqual(1);
        accepted += first.events.length;
        total += sequence.length;
      }),
      { numRuns: 60 },
    );
    // The sequences must exercise the engine, not just be refused.
    expect(accepted / total).toBeGreaterThan(0.2);
    console.log(`events per command: ${(accepted / total).toFixed(2)}`);
  });

  it("gives a state whose fold, at any moment, is reproduced from the events", () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        const { events } = run(sequence);
        const state = fold(events)!;
        expect(state.version).toBe(events.length);
        for (const event of events) {
          expect(event.actorId).toBeTruthy();
          expect(event.policyVersionId).toBe("v1");
          expect(Number.isNaN(Date.parse(event.at))).toBe(false);
        }
        expect(getStateAt(events, events.at(-1)!.at)).toEqual(state);
        // Every event is in time order, so a past moment folds a prefix.
        for (let i = 1; i < events.length; i++) expect(events[i]!.at >= events[i - 1]!.at).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
