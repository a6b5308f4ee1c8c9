// What every step of a demo case needs: the authority's people, a clock the steps move (never past `now`), and
// running a command as a user exactly as the procedures do (runCaseCommand, with that user's ability).
import type { Tenant, TenantTransaction, User } from "@steward/db";
import { buildAbility, SchoolCalendar, toIsoDate, type CaseCommand, type CaseState } from "@steward/domain";
import type { Action, Category, PolicyDocument, Subject } from "@steward/policy-config";

import { runCaseCommand, type Actor } from "../services/cases.ts";
import { isLaStaff } from "../services/grants.ts";
import { loadPublishedPolicy, type LoadedPolicy } from "../services/policies.ts";
import type { DemoTenantEntry } from "./manifest.ts";
import { visitingRoleOf, type DemoSchool } from "./tenant.ts";

export interface DemoWorld {
  trx: TenantTransaction;
  tenant: Tenant;
  entry: DemoTenantEntry;
  policy: PolicyDocument;
  loaded: LoadedPolicy;
  users: User[];
  showcase: DemoSchool;
  today: string;
  /** The first day of the strategy year in force: where the demo's casework starts. */
  yearStart: string;
  /** The policy's categories, least severe first. */
  categories: Category[];
  /** The user who opens, assigns and categorises every case. */
  lead: User;
  /** Users who may categorise, assign, escalate and draft letters. */
  senior: User[];
  /** The officers cases are shared among. */
  officers: User[];
  calendar: SchoolCalendar;
  /** Sets the clock to an hour of a day (never later than `now`). */
  at: (date: string, hour?: number) => void;
  actorFor: (user: User) => Actor;
  /** LA users holding one of these roles. */
  holders: (roles: readonly string[]) => User[];
  run: (user: User, caseId: string, command: CaseCommand) => Promise<CaseState>;
  schoolDayFrom: (date: string) => string;
}

/** The item at `index`, or an error naming what the demo expected there. */
export function itemAt<T>(items: readonly T[], index: number, what: string): T {
  const item = items.at(index);
  if (item === undefined) throw new Error(`The demo expected ${what}, and there is none.`);
  return item;
}

interface WorldInput {
  trx: TenantTransaction;
  tenant: Tenant;
  entry: DemoTenantEntry;
  policy: PolicyDocument;
  users: User[];
  showcase: DemoSchool;
  now: Date;
}

export async function createDemoWorld({
  trx,
  tenant,
  entry,
  policy,
  users,
  showcase,
  now,
}: WorldInput): Promise<DemoWorld> {
  const loaded = await loadPublishedPolicy(trx);
  if (!loaded) throw new Error(`${tenant.name} has no published policy: the demo publishes one before its cases.`);
  const yearStart = policy.strategy.effectiveFrom;
  let clock = new Date(`${yearStart}T09:00:00Z`);
  const actorFor = (user: User): Actor => {
    const grants = user.grants;
    return {
      trx,
      tenantId: tenant.id,
      user: { id: user.id, displayName: user.display_name, grants },
      ability: buildAbility(policy, { id: user.id, tenantId: tenant.id, grants }),
      policy: loaded,
      now: () => clock,
      // Back-dated: the demo's history emails nobody (what people do from now on does).
      history: true,
    };
  };
  const can = (user: User, action: Action, subject: Subject) => actorFor(user).ability.ability.can(action, subject);
  const senior = users.filter(
    (u) =>
      can(u, "categorise", "Case") &&
      can(u, "assign", "Case") &&
      can(u, "escalate", "Case") &&
      can(u, "draft", "Letter"),
  );
  const lead = senior[0];
  if (!lead)
    throw new Error(
      `${tenant.name}'s policy has no role that may open, assign and categorise cases: the demo needs one.`,
    );
  const holders = (roles: readonly string[]) =>
    users.filter((u) => {
      const grants = u.grants;
      return isLaStaff(policy, grants) && grants.some((g) => roles.includes(g.role));
    });
  const visitingRole = visitingRoleOf(policy);
  const calendar = new SchoolCalendar(policy.calendar);
  return {
    trx,
    tenant,
    entry,
    policy,
    loaded,
    users,
    showcase,
    today: toIsoDate(now),
    yearStart,
    categories: [...policy.categories].sort((a, b) => a.severity - b.severity),
    lead,
    senior,
    officers: visitingRole ? holders([visitingRole]) : senior,
    calendar,
    at: (date, hour = 10) => {
      const instant = new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
      clock = instant > now ? now : instant;
    },
    actorFor,
    holders,
    run: async (user, caseId, command) => (await runCaseCommand(actorFor(user), caseId, command)).state,
    schoolDayFrom: (date) => calendar.getNextSchoolDay(date) ?? date,
  };
}
