import { analyzeTenantTables, withTenant, type StewardDatabase, type User } from "@steward/db";
import type { PolicyDocument } from "@steward/policy-config";

import { readLinksFile, type SchoolLink } from "../services/school-register.ts";
import { bookNextVisit, openAndCategorise, seedMeetings, seedVisits, type DemoCase } from "./casework.ts";
import { seedDemoData } from "./data.ts";
import { seedActionPlan, seedLetters, seedShowcaseForm } from "./letters.ts";
import { manifest, readDemoFile, type DemoTenantEntry } from "./manifest.ts";
import {
  provisionDemoPolicies,
  provisionDemoRegister,
  provisionDemoUsers,
  rankSchools,
  type DemoSchool,
  type RankedSchool,
} from "./tenant.ts";
import { createDemoWorld, type DemoWorld } from "./world.ts";

/** The demo users' password (demo data only: never for real accounts). */
export const DEMO_PASSWORD = manifest.password;

export interface DemoReport {
  tenants: { slug: string; name: string; schools: number; cases: number; users: { email: string; roles: string }[] }[];
}

/** One school's case through every step (a school no category applies to keeps an open, uncategorised case). */
async function seedCase(w: DemoWorld, i: number, { school, rank }: RankedSchool): Promise<DemoCase | undefined> {
  const { demoCase, state } = await openAndCategorise(w, i, school, rank);
  if (!demoCase || !state) return undefined;
  // Most schools of the lightest category get no more than their category.
  if (!demoCase.isShowcase && demoCase.severity === 0 && i % 3 !== 0) return demoCase;
  const visited = await seedVisits(w, demoCase, state);
  await bookNextVisit(w, demoCase, visited);
  await seedMeetings(w, demoCase);
  await seedLetters(w, demoCase);
  await seedActionPlan(w, demoCase);
  await seedShowcaseForm(w, demoCase);
  return demoCase;
}

/**
 * The authority's cases, made through the engine as the users would, on dates from the new year's start to
 * `now`; then its data (last year's import, officers' judgements, register entries on cases).
 */
async function seedCases(
  database: StewardDatabase,
  input: Omit<Parameters<typeof createDemoWorld>[0], "trx">,
  ranked: readonly RankedSchool[],
): Promise<number> {
  return withTenant(database.db, input.tenant.id, async (trx) => {
    const w = await createDemoWorld({ ...input, trx });
    const cases: DemoCase[] = [];
    let count = 0;
    for (const [i, ranking] of ranked.entries()) {
      if (ranking.school.governance === "other") continue;
      count++;
      const demoCase = await seedCase(w, i, ranking);
      if (demoCase) cases.push(demoCase);
    }
    await seedDemoData(
      w,
      ranked.map((r) => r.school),
      cases,
    );
    return count;
  });
}

function describeUsers(users: readonly User[], policy: PolicyDocument, showcase: DemoSchool) {
  return users.map((u) => {
    const grants = u.grants;
    return {
      email: u.email,
      roles:
        grants.map((g) => policy.roles.find((r) => r.key === g.role)?.label ?? g.role).join(", ") +
        (grants[0]?.schoolUrn ? ` (${showcase.name}, URN ${showcase.urn})` : ""),
    };
  });
}

async function seedTenant(
  database: StewardDatabase,
  entry: DemoTenantEntry,
  register: { census: string; links: readonly SchoolLink[] },
  options: { now: Date; log: (line: string) => void },
): Promise<DemoReport["tenants"][number]> {
  const { tenant, policy } = await provisionDemoPolicies(database, entry, options.log);
  const source = entry.register ? { gias: readDemoFile(entry.register.gias) } : { census: register.census };
  const schools = await provisionDemoRegister(database, tenant, policy, source, register.links);
  const { ranked, showcase } = rankSchools(schools);
  const users = await provisionDemoUsers(database, tenant, policy, entry, showcase);
  const cases = await seedCases(database, { tenant, entry, policy, users, showcase, now: options.now }, ranked);
  options.log(`${tenant.name}: ${schools.length} schools, ${cases} cases, ${users.length} users`);
  return {
    slug: entry.slug,
    name: tenant.name,
    schools: schools.length,
    cases,
    users: describeUsers(users, policy, showcase),
  };
}

/**
 * Loads the demo authorities named in demo/demo.json (each from its own policy
 * document, nothing about them in code): the policy as transcribed (version 1),
 * a new strategy year for 2026-27 published over it, the maintained schools,
 * academies and free schools of its register, a user for every role, and cases
 * at every category with visits done and due, reports, meetings, letters and
 * an action plan, made through the case engine as the users would, on dates
 * from the start of the school year to `now`.
 */
export async function seedDemo(
  database: StewardDatabase,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<DemoReport> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const register = {
    census: readDemoFile(manifest.registers.schools),
    links: readLinksFile(readDemoFile(manifest.registers.links)).links,
  };
  const report: DemoReport = { tenants: [] };
  for (const entry of manifest.tenants) report.tenants.push(await seedTenant(database, entry, register, { now, log }));
  // Thousands of rows written in moments: plan the first requests with statistics of them, not of empty tables.
  await analyzeTenantTables(database.db);
  return report;
}
