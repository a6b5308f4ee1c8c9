import type { PolicyDocument, SchoolAttributeRecord } from "@steward/policy-config";

import { maxDate, toIsoDate } from "../calendar/dates.ts";
import type { CaseCommand } from "../case/commands.ts";
import type { IndicatorReading } from "../case/data.ts";
import { decide, type DecideContext } from "../case/decide.ts";
import type { CaseEvent } from "../case/events.ts";
import { fold } from "../case/evolve.ts";
import type { CaseState } from "../case/state.ts";
import type { DomainError } from "../errors.ts";
import { buildAbility, type RoleGrant } from "../permissions/ability.ts";
import { NO_SCHOOL_ATTRIBUTES } from "../permissions/subjects.ts";
import type { Facts } from "../rules/evaluate.ts";
import { legacyMeasureDifferences } from "./legacy-measures.ts";

/**
 * A case driven command by command, as the API would: a fixed clock the test
 * moves on, ids counted up, each user's ability built from the policy.
 */
export class CaseHarness {
  readonly events: CaseEvent[] = [];
  now: Date;
  schoolData: Facts = {};
  /** The school's attributes from the register, as the API passes them in (none unless a test sets them). */
  schoolAttributes: SchoolAttributeRecord = { ...NO_SCHOOL_ATTRIBUTES };
  /** The school's indicator values, as the database would pass them in. */
  readings: IndicatorReading[] = [];
  #ids = 0;

  constructor(
    readonly policy: PolicyDocument,
    start: string,
    readonly policyVersionId = "policy-v1",
  ) {
    this.now = new Date(start);
  }

  get state(): CaseState {
    const state = fold(this.events);
    if (!state) throw new Error("No case yet.");
    return state;
  }

  /** Moves the clock to a date (noon UTC) or instant. */
  at(when: string): this {
    this.now = new Date(when.length === 10 ? `${when}T12:00:00Z` : when);
    return this;
  }

  context(userId: string, grants: readonly RoleGrant[]): DecideContext {
    return {
      policy: this.policy,
      policyVersionId: this.policyVersionId,
      actor: { id: userId, grants, ability: buildAbility(this.policy, { id: userId, tenantId: "tenant", grants }) },
      now: this.now,
      newId: () => `id-${String(++this.#ids).padStart(4, "0")}`,
      schoolAttributes: this.schoolAttributes,
      schoolData: this.schoolData,
      indicatorReadings: this.readings,
    };
  }

  /** Runs a command; throws if it is refused. Returns the events it caused. */
  run(userId: string, grants: readonly RoleGrant[], command: CaseCommand): CaseEvent[] {
    const decision = decide(this.events.length ? this.state : undefined, command, this.context(userId, grants));
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code}: ${decision.error.message}`);
    this.events.push(...decision.events);
    this.#checkLegacyMeasures();
    return decision.events;
  }

  /**
   * Every state a scenario reaches proves that the measures a policy declares
   * for the built-in counting facts give the same values (until those facts
   * go). A measure never counts a record dated after today, which those facts
   * did (a test may record a meeting ahead of its clock), so they are compared
   * on the latest of today and every meeting's and visit's date.
   */
  #checkLegacyMeasures(): void {
    const { meetings, visits } = this.state;
    const day = [...meetings, ...visits].reduce((latest, record) => maxDate(latest, record.date), toIsoDate(this.now));
    const differences = legacyMeasureDifferences(this.state, this.policy, day);
    if (differences.length > 0)
      throw new Error(`Measures differ from the legacy facts: ${JSON.stringify(differences)}`);
  }

  /** Runs a command that must be refused; returns the error. */
  refuse(userId: string, grants: readonly RoleGrant[], command: CaseCommand): DomainError {
    const decision = decide(this.events.length ? this.state : undefined, command, this.context(userId, grants));
    if (decision.ok)
      throw new Error(
        `${command.type} was expected to be refused but caused ${decision.events.map((e) => e.type).join(", ")}`,
      );
    return decision.error;
  }
}
