// What the apps offer is exactly what the engine accepts: for every part of every tenant's policy, on a
// maintained primary and on an academy (and on any school fast-check makes up), a command naming an option
// `applicableOptions` offers is accepted, and one naming a part it leaves out is refused as not applicable.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import westmarchJson from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };
import cambridgeshireJson from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshireJson from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };

import { SchoolCalendar } from "../calendar/school-calendar.ts";
import type { CaseCommand } from "../case/commands.ts";
import { decide, type DecideContext } from "../case/decide.ts";
import type { CaseEvent } from "../case/events.ts";
import { fold } from "../case/evolve.ts";
import { getCaseFacts } from "../case/facts.ts";
import type { CaseState } from "../case/state.ts";
import { summariseCase } from "../case/summary.ts";
import { getCategoryCadence, getVisitPlan } from "../case/visit-plan.ts";
import { getVisitWorkload } from "../case/workload.ts";
import { buildAbility, type RoleGrant } from "../permissions/ability.ts";
import type { SchoolProfile } from "./applicability.ts";
import { applicableOptions } from "./applicable.ts";

const policies = {
  cambridgeshire: cambridgeshireJson as unknown as PolicyDocument,
  lincolnshire: lincolnshireJson as unknown as PolicyDocument,
  westmarch: westmarchJson as unknown as PolicyDocument,
};
const primary: SchoolProfile = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" };
const academy: SchoolProfile = { urn: 140001, name: "Example Academy", phase: "secondary", governance: "academy" };
const people = { officer: { name: "Sam Officer" }, recipient: { name: "Pat Chair", role: "Chair of Governors" } };

/** A command naming one part of the policy, and whether the options offer that part. */
interface Probed {
  kind: string;
  key: string;
  offered: boolean;
  command: CaseCommand;
  /** False when the command cannot be complete yet (see the letter types). */
  complete?: false;
}

/** A case for one school under one policy, with an officer holding every LA role (so only applicability refuses). */
class Probe {
  readonly grants: RoleGrant[];
  readonly now: Date;
  readonly today: string;
  #ids = 0;

  constructor(
    readonly policy: PolicyDocument,
    readonly school: SchoolProfile,
  ) {
    this.grants = policy.roles.filter((r) => r.audience === "la").map((r) => ({ role: r.key }));
    const calendar = new SchoolCalendar(policy.calendar);
    this.today = calendar.getNextSchoolDay(calendar.span.start) ?? calendar.span.start;
    this.now = new Date(`${this.today}T12:00:00Z`);
  }

  context(): DecideContext {
    return {
      policy: this.policy,
      policyVersionId: "v1",
      actor: {
        id: "officer",
        grants: this.grants,
        ability: buildAbility(this.policy, { id: "officer", tenantId: "t", grants: this.grants }),
      },
      now: this.now,
      newId: () => `id-${++this.#ids}`,
    };
  }

  /** The events of a case opened for the school (and moved to `stage`, when given). */
  open(stage?: string): CaseEvent[] {
    const events = this.accept(undefined, { type: "open-case", school: this.school });
    const state = fold(events);
    if (!stage || state?.stage === stage) return events;
    return [...events, ...this.accept(state, { type: "change-stage", stage, reason: "To probe it" })];
  }

  decide(state: CaseState | undefined, command: CaseCommand) {
    return decide(state, command, this.context());
  }

  accept(state: CaseState | undefined, command: CaseCommand): CaseEvent[] {
    const decision = this.decide(state, command);
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.message}`);
    return decision.events;
  }

  /** Every command naming one part of the policy, with what the options offer of that kind. */
  commands(
    state: CaseState,
  ): { kind: string; key: string; offered: boolean; command: CaseCommand; complete?: false }[] {
    const { policy, today } = this;
    const offer = applicableOptions(policy, this.school, { stage: state.stage });
    const offered = (list: readonly { key: string }[], key: string) => list.some((x) => x.key === key);
    return [
      ...policy.categories.map((c): Probed => ({
        kind: "category",
        key: c.key,
        offered: offered(offer.categories, c.key),
        command: { type: "decide-category", category: c.key, effectiveFrom: today },
      })),
      ...policy.letterTypes.map((l): Probed => ({
        kind: "letter type",
        key: l.key,
        offered: offered(offer.letterTypes, l.key),
        // The engine does not yet take a letter's parameters: such a draft is refused as incomplete, never as not applicable.
        ...(l.parameters ? { complete: false as const } : {}),
        command: {
          type: "draft-letter",
          letterType: l.key,
          indicators: l.indicators.slice(0, l.minimumIndicators).map((i) => ({ key: i.key, evidence: "Seen" })),
          people,
        },
      })),
      ...policy.visitTypes.map((v): Probed => ({
        kind: "visit type",
        key: v.key,
        offered: offered(offer.visitTypes, v.key),
        command: { type: "schedule-visit", visitType: v.key, date: today },
      })),
      ...policy.meetingTypes.map((m): Probed => ({
        kind: "meeting type",
        key: m.key,
        offered: offered(offer.meetingTypes, m.key),
        command: {
          type: "record-meeting",
          meetingType: m.key,
          date: today,
          attendees: ["Sam Officer"],
          minutes: "Minutes",
          keyPoints: [],
          progress: m.progressJudgements[0]?.key ?? "",
        },
      })),
      ...policy.escalation.stages
        .filter((s) => s.key !== state.stage)
        .map((s): Probed => ({
          kind: "stage",
          key: s.key,
          offered: offered(offer.stages, s.key),
          command: { type: "change-stage", stage: s.key, reason: "The officer's judgement" },
        })),
    ];
  }
}

/** Each offered option is accepted; each left out is refused as not applicable. */
function checkOffers(probe: Probe): number {
  const state = fold(probe.open());
  if (!state) throw new Error("No case.");
  const commands = probe.commands(state);
  for (const { kind, key, offered, command, complete } of commands) {
    const decision = probe.decide(state, command);
    const outcome = decision.ok ? "accepted" : decision.error.code;
    const why = decision.ok ? "" : decision.error.message;
    if (offered && complete === false) expect(outcome, why).not.toBe("not-applicable");
    else expect(`${kind} ${key}: ${outcome}`, why).toBe(`${kind} ${key}: ${offered ? "accepted" : "not-applicable"}`);
  }
  return commands.filter((c) => !c.offered).length;
}

describe("applicableOptions offers exactly what the engine accepts", () => {
  for (const [tenant, policy] of Object.entries(policies)) {
    it(`on ${tenant}'s maintained primary and academy`, () => {
      const leftOut = checkOffers(new Probe(policy, primary)) + checkOffers(new Probe(policy, academy));
      // Each tenant limits some of its parts to one kind of school: the property is not checked on nothing.
      expect(leftOut).toBeGreaterThan(0);
    });
  }

  it("on any school: every governance and phase", () => {
    const governance = fc.constantFrom("maintained" as const, "academy" as const, "free-school" as const);
    const phase = fc.constantFrom("nursery", "primary", "secondary", "all-through", "special", undefined);
    const tenant = fc.constantFrom("cambridgeshire" as const, "lincolnshire" as const, "westmarch" as const);
    fc.assert(
      fc.property(tenant, governance, phase, (t, g, ph) => {
        checkOffers(new Probe(policies[t], { urn: 123456, name: "Any School", governance: g, phase: ph }));
      }),
      { numRuns: 15 },
    );
  });

  it("offers an academy only the academy route: categories, letters and stages", () => {
    const policy = policies.westmarch;
    const forAcademy = applicableOptions(policy, academy, { stage: policy.escalation.initialStage });
    const forPrimary = applicableOptions(policy, primary, { stage: policy.escalation.initialStage });
    const keys = (list: readonly { key: string }[]) => list.map((x) => x.key);
    expect(keys(forAcademy.categories)).toEqual(["academy-monitored", "academy-concern"]);
    expect(keys(forPrimary.categories)).toEqual(["green", "yellow", "amber", "red"]);
    expect(forAcademy.letterTypes).toEqual([]);
    expect(forAcademy.visitTypes).toEqual([]);
    expect(keys(forAcademy.forms)).toEqual(["visit-note"]);
    expect(keys(forPrimary.forms)).toEqual(["visit-note", "action-plan"]);
    const cambs = policies.cambridgeshire;
    const cambsAcademy = applicableOptions(cambs, academy, { stage: cambs.escalation.initialStage });
    expect(keys(cambsAcademy.letterTypes)).toContain("academy-concerns-letter");
    expect(keys(cambsAcademy.letterTypes)).not.toContain("warning-notice");
    expect(keys(cambsAcademy.stages).every((s) => s.startsWith("academy-"))).toBe(true);
  });
});

describe("applicableOptions offers the transitions the engine takes", () => {
  /** From every stage the school may be in: each offered transition is taken, each left out refused. */
  function checkTransitions(policy: PolicyDocument, school: SchoolProfile, roles?: readonly string[]) {
    const probe = new Probe(policy, school);
    let offeredCount = 0;
    const stages = [policy.escalation.initialStage, ...applicableOptions(policy, school).stages.map((s) => s.key)];
    for (const stage of new Set(stages)) {
      const state = fold(probe.open(stage));
      if (!state) throw new Error("No case.");
      const facts = getCaseFacts(state, policy, probe.today);
      const offer = applicableOptions(policy, school, { stage: state.stage, facts, roles });
      for (const t of policy.escalation.transitions.filter((x) => x.mode !== "automatic")) {
        const offered = offer.transitions.some((x) => x.key === t.key);
        const decision = probe.decide(state, { type: "change-stage", stage: t.to, transition: t.key, reason: "R" });
        expect(`${stage} by ${t.key}: ${decision.ok ? "taken" : "refused"}`).toBe(
          `${stage} by ${t.key}: ${offered ? "taken" : "refused"}`,
        );
        if (offered) offeredCount += 1;
      }
    }
    return offeredCount;
  }

  for (const [tenant, policy] of Object.entries(policies)) {
    it(`on ${tenant}, from every stage, for a maintained primary and an academy`, () => {
      const grants = policy.roles.filter((r) => r.audience === "la").map((r) => r.key);
      expect(checkTransitions(policy, primary, grants) + checkTransitions(policy, academy, grants)).toBeGreaterThan(0);
    });
  }

  it("leaves out a transition the officer's roles may not make", () => {
    const policy = policies.westmarch;
    const at = { stage: "intensive" };
    expect(applicableOptions(policy, primary, at).transitions.map((t) => t.key)).toEqual(["leave-intensive"]);
    expect(applicableOptions(policy, primary, { ...at, roles: ["challenge-adviser"] }).transitions).toEqual([]);
    expect(applicableOptions(policy, primary, { ...at, roles: ["head-of-service"] }).transitions).toHaveLength(1);
  });
});

describe("a category with no LA visits", () => {
  it("gives no visit plan, nothing due or overdue, and no workload", () => {
    const policy = policies.westmarch;
    const probe = new Probe(policy, academy);
    const opened = probe.open();
    const decided = probe.accept(fold(opened), {
      type: "decide-category",
      category: "academy-monitored",
      effectiveFrom: probe.today,
    });
    const state = fold([...opened, ...decided]);
    if (!state) throw new Error("No case.");
    expect(state.category?.key).toBe("academy-monitored");
    expect(getCategoryCadence(state, policy)).toEqual([]);
    const yearLater = new SchoolCalendar(policy.calendar).span.end;
    expect(getVisitPlan(state, policy, yearLater)).toEqual([]);
    expect(summariseCase(state, policy, yearLater).nextVisitDue).toBeNull();
    expect(getVisitWorkload([{ state, officer: "officer" }], policy, probe.today)).toEqual({});
  });

  it("is also what a school gets from a category whose visits are all for other schools", () => {
    const policy = policies.lincolnshire;
    const probe = new Probe(policy, academy);
    const opened = probe.open();
    const category = policy.categories.find((c) => c.cadence.length > 0);
    if (!category) throw new Error("Lincolnshire has categories with visits.");
    const state = fold([
      ...opened,
      ...probe.accept(fold(opened), { type: "decide-category", category: category.key, effectiveFrom: probe.today }),
    ]);
    if (!state) throw new Error("No case.");
    expect(getCategoryCadence(state, policy)).toEqual([]);
    expect(summariseCase(state, policy, probe.today).nextVisitDue).toBeNull();
    // The same category plans visits for a maintained school.
    const maintained = { ...state, school: primary };
    expect(getCategoryCadence(maintained, policy).length).toBeGreaterThan(0);
    expect(getVisitPlan(maintained, policy, probe.today).length).toBeGreaterThan(0);
  });
});
