// The authority side of the demo: its policy (as transcribed, then a new strategy year over it), its register
// with the GIAS links, the showcase school, and a user per role.
import { z } from "zod";

import {
  mergeSchoolData,
  withTenant,
  type RoleGrantRow,
  type SchoolValues,
  type StewardDatabase,
  type Tenant,
  type User,
} from "@steward/db";
import { startNewStrategyYear, type AcademicYear, type PolicyDocument } from "@steward/policy-config";

import {
  provisionSchools,
  provisionTenant,
  provisionUser,
  publishPolicyFile,
  readPolicyDocument,
} from "../services/provision.ts";
import { linksBySchool, readCensusFile, readGiasFile, type SchoolLink } from "../services/school-register.ts";
import { manifest, readDemoFile, type DemoTenantEntry } from "./manifest.ts";

export type DemoSchool = SchoolValues;
export interface RankedSchool {
  school: DemoSchool;
  rank: number;
}

const OFSTED_RANK: Record<string, number> = {
  outstanding: 0,
  good: 0,
  "requires-improvement": 1,
  satisfactory: 1,
  inadequate: 9,
};

/** Version 1 as transcribed, and the new strategy year published over it (the policy in force). */
export async function provisionDemoPolicies(
  database: StewardDatabase,
  entry: DemoTenantEntry,
  log: (line: string) => void,
): Promise<{ tenant: Tenant; policy: PolicyDocument }> {
  const original = readPolicyDocument(JSON.parse(readDemoFile(entry.policy)));
  const { tenant } = await provisionTenant(database.db, { slug: entry.slug, policy: original });
  if (!entry.newYear) {
    log(`${tenant.name}: policy version 1 (${original.strategy.period}, in force)`);
    return { tenant, policy: original };
  }
  // The calendar becomes part of the new year's document, which publishPolicyFile validates whole.
  const calendar = JSON.parse(readDemoFile(entry.newYear.calendar)) as AcademicYear;
  const policy = startNewStrategyYear(original, {
    period: entry.newYear.period,
    effectiveFrom: entry.newYear.effectiveFrom,
    effectiveTo: entry.newYear.effectiveTo,
    years: [calendar],
  });
  await publishPolicyFile(database.db, tenant.id, policy, `Strategy year ${entry.newYear.period}`);
  log(`${tenant.name}: policy versions 1 (${original.strategy.period}) and 2 (${entry.newYear.period}, in force)`);
  return { tenant, policy };
}

/** The register: maintained schools, academies and free schools, with their GIAS links. */
export async function provisionDemoRegister(
  database: StewardDatabase,
  tenant: Tenant,
  policy: PolicyDocument,
  source: { census: string } | { gias: string },
  links: readonly SchoolLink[],
): Promise<DemoSchool[]> {
  const register =
    "gias" in source
      ? readGiasFile(source.gias, { laCode: policy.authority.laCode })
      : readCensusFile(source.census, policy.authority.laCode);
  const schools = register.schools.filter((s) => s.governance !== "other").sort((a, b) => a.name.localeCompare(b.name));
  await provisionSchools(database.db, tenant.id, schools);
  const byUrn = linksBySchool(links, new Set(schools.map((s) => s.urn)));
  await withTenant(database.db, tenant.id, async (trx) => {
    for (const [urn, list] of byUrn) await mergeSchoolData(trx, urn, { links: list });
  });
  return schools;
}

const ofstedFacts = z.object({ ofsted: z.object({ overallEffectiveness: z.string().optional() }).optional() });

function ofstedRank(school: DemoSchool): number {
  const facts = ofstedFacts.safeParse(school.data.facts);
  return OFSTED_RANK[String(facts.data?.ofsted?.overallEffectiveness)] ?? 0;
}

/** Each school with its Ofsted rank, and the showcase school: a maintained primary in the middle of the categories, whose staff get portal accounts. */
export function rankSchools(schools: readonly DemoSchool[]): { ranked: RankedSchool[]; showcase: DemoSchool } {
  const ranked = schools.map((school) => ({ school, rank: ofstedRank(school) }));
  const showcase =
    ranked.find((r) => r.rank === 1 && r.school.governance === "maintained" && r.school.phase === "primary")?.school ??
    schools[0];
  if (!showcase) throw new Error("The demo register has no schools for this authority.");
  return { ranked, showcase };
}

/** The role that leads the commonest visit (the first category's first cadence). */
export function visitingRoleOf(policy: PolicyDocument): string | undefined {
  return policy.visitTypes.find((v) => v.key === policy.categories[0]?.cadence[0]?.visitType)?.ledBy[0];
}

/** Users: one per role (named people), two more of the role that leads the commonest visit. */
export async function provisionDemoUsers(
  database: StewardDatabase,
  tenant: Tenant,
  policy: PolicyDocument,
  entry: DemoTenantEntry,
  showcase: DemoSchool,
): Promise<User[]> {
  const users: User[] = [];
  const names = [...entry.people];
  const visitingRole = visitingRoleOf(policy);
  for (const role of policy.roles) {
    const copies = role.key === visitingRole ? 3 : 1;
    for (let n = 1; n <= copies; n++) {
      const grants: RoleGrantRow[] = [
        role.audience === "school" ? { role: role.key, schoolUrn: showcase.urn } : { role: role.key },
      ];
      const displayName = names.shift() ?? role.label;
      const email = `${role.key}${n > 1 ? `-${n}` : ""}@${entry.slug}.example`;
      users.push(
        await provisionUser(database.db, tenant.id, { email, displayName, password: manifest.password, grants }),
      );
    }
  }
  return users;
}
