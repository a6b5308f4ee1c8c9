import { readFileSync } from "node:fs";

import { insertFormResponse, mergeSchoolData, withTenant, type StewardDatabase, type User } from "@steward/db";
import {
  addDays,
  buildAbility,
  getVisitPlan,
  SchoolCalendar,
  toIsoDate,
  type CaseState,
  type RoleGrant,
} from "@steward/domain";
import { startNewStrategyYear, type AcademicYear, type PolicyDocument } from "@steward/policy-config";

import { openCase, runCaseCommand, type Actor } from "../services/cases.ts";
import { loadPublishedPolicy } from "../services/policies.ts";
import { provisionSchools, provisionTenant, provisionUser, publishPolicyFile } from "../services/provision.ts";
import { readCensusFile, readLinksFile } from "../services/school-register.ts";
import { sampleFromSchema } from "./sample-data.ts";

interface DemoManifest {
  password: string;
  registers: { schools: string; links: string };
  tenants: {
    slug: string;
    policy: string;
    newYear: { period: string; effectiveFrom: string; effectiveTo: string; calendar: string };
    people: string[];
  }[];
}

const DEMO_DIR = new URL("../../demo/", import.meta.url);
const readDemoFile = (name: string) => readFileSync(new URL(name, DEMO_DIR), "utf8");
const manifest = JSON.parse(readDemoFile("demo.json")) as DemoManifest;

/** The demo users' password (demo data only: never for real accounts). */
export const DEMO_PASSWORD = manifest.password;

export interface DemoReport {
  tenants: { slug: string; name: string; schools: number; cases: number; users: { email: string; roles: string }[] }[];
}

const OFSTED_RANK: Record<string, number> = {
  outstanding: 0,
  good: 0,
  "requires-improvement": 1,
  satisfactory: 1,
  inadequate: 9,
};

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
  const census = readDemoFile(manifest.registers.schools);
  const links = readLinksFile(readDemoFile(manifest.registers.links)).links;
  const report: DemoReport = { tenants: [] };

  for (const entry of manifest.tenants) {
    const original = JSON.parse(readDemoFile(entry.policy)) as PolicyDocument;
    const { tenant } = await provisionTenant(database.db, { slug: entry.slug, policy: original });
    const calendar = JSON.parse(readDemoFile(entry.newYear.calendar)) as AcademicYear;
    const nextYear = startNewStrategyYear(original, {
      period: entry.newYear.period,
      effectiveFrom: entry.newYear.effectiveFrom,
      effectiveTo: entry.newYear.effectiveTo,
      years: [calendar],
    });
    await publishPolicyFile(database.db, tenant.id, nextYear, `Strategy year ${entry.newYear.period}`);
    const policy = nextYear;
    log(`${tenant.name}: policy versions 1 (${original.strategy.period}) and 2 (${entry.newYear.period}, in force)`);

    // The register: maintained schools, academies and free schools.
    const register = readCensusFile(census, policy.authority.laCode);
    const schools = register.schools
      .filter((s) => s.governance !== "other")
      .sort((a, b) => a.name.localeCompare(b.name));
    await provisionSchools(database.db, tenant.id, schools);
    await withTenant(database.db, tenant.id, async (trx) => {
      const known = new Set(schools.map((s) => s.urn));
      const byUrn = new Map<number, unknown[]>();
      for (const l of links)
        if (known.has(l.urn))
          byUrn.set(l.urn, [
            ...(byUrn.get(l.urn) ?? []),
            { urn: l.linkUrn, name: l.linkName, type: l.linkType, established: l.established },
          ]);
      for (const [urn, list] of byUrn) await mergeSchoolData(trx, urn, { links: list });
    });

    // The showcase school: a maintained primary in the middle of the categories, whose staff get portal accounts.
    const ranked = schools.map((s) => ({
      school: s,
      rank:
        OFSTED_RANK[
          String((s.data.facts as { ofsted?: { overallEffectiveness?: string } })?.ofsted?.overallEffectiveness)
        ] ?? 0,
    }));
    const showcase =
      ranked.find((r) => r.rank === 1 && r.school.governance === "maintained" && r.school.phase === "primary")
        ?.school ?? schools[0]!;

    // Users: one per role (named people), two more of the role that leads the commonest visit.
    const users: User[] = [];
    const names = [...entry.people];
    const visitingRole = policy.visitTypes.find((v) => v.key === policy.categories[0]?.cadence[0]?.visitType)?.ledBy[0];
    for (const role of policy.roles) {
      const copies = role.key === visitingRole ? 3 : 1;
      for (let n = 1; n <= copies; n++) {
        const grants: RoleGrant[] = [
          role.audience === "school" ? { role: role.key, schoolUrn: showcase.urn } : { role: role.key },
        ];
        const displayName = names.shift() ?? role.label;
        const email = `${role.key}${n > 1 ? `-${n}` : ""}@${entry.slug}.example`;
        users.push(
          await provisionUser(database.db, tenant.id, { email, displayName, password: DEMO_PASSWORD, grants }),
        );
      }
    }

    const caseCount = await withTenant(database.db, tenant.id, async (trx) => {
      const loaded = (await loadPublishedPolicy(trx))!;
      const calendarOf = new SchoolCalendar(policy.calendar);
      let clock = new Date(`${entry.newYear.effectiveFrom}T09:00:00Z`);
      const actorFor = (user: User): Actor => {
        const grants = user.grants as RoleGrant[];
        return {
          trx,
          tenantId: tenant.id,
          user: { id: user.id, displayName: user.display_name, grants },
          ability: buildAbility(policy, { id: user.id, tenantId: tenant.id, grants }),
          policy: loaded,
          now: () => clock,
        };
      };
      const holders = (roles: readonly string[]) =>
        users.filter((u) => (u.grants as RoleGrant[]).some((g) => roles.includes(g.role) && g.schoolUrn === undefined));
      const can = (user: User, action: string, subject: string) =>
        actorFor(user).ability.ability.can(action as never, subject as never);
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
      const officers = visitingRole ? holders([visitingRole]) : senior;
      const schoolDayFrom = (date: string) => calendarOf.getNextSchoolDay(date) ?? date;
      const at = (date: string, hour = 10) => {
        const instant = new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);
        clock = instant > now ? now : instant;
      };
      const today = toIsoDate(now);
      const run = async (user: User, caseId: string, command: Parameters<typeof runCaseCommand>[2]) =>
        (await runCaseCommand(actorFor(user), caseId, command)).state;
      const categories = [...policy.categories].sort((a, b) => a.severity - b.severity);

      let count = 0;
      for (const [i, { school, rank }] of ranked.entries()) {
        if (school.governance === "other") continue;
        at(entry.newYear.effectiveFrom, 9);
        const { row } = await openCase(actorFor(lead), school.urn);
        const officer = officers[i % officers.length]!;
        await run(lead, row.id, { type: "assign-officer", officerId: officer.id });
        let state: CaseState;
        count++;
        const applicable = categories.filter(
          (c) =>
            !c.applicability ||
            ((!c.applicability.governance || c.applicability.governance.includes(school.governance as never)) &&
              (!c.applicability.phases || c.applicability.phases.includes(school.phase as never))),
        );
        if (applicable.length === 0) continue;
        let index = Math.min(rank, applicable.length - 1);
        if (index === 0 && i % 9 === 4) index = 1;
        if (index === 1 && i % 6 === 3) index = applicable.length - 1;
        if (index === 1 && i % 7 === 3 && applicable.length > 3) index = applicable.length - 2;
        const category = applicable[Math.min(index, applicable.length - 1)]!;
        at(schoolDayFrom(addDays(entry.newYear.effectiveFrom, 5)), 11);
        state = await run(lead, row.id, {
          type: "decide-category",
          category: category.key,
          effectiveFrom: entry.newYear.effectiveFrom,
          rationale: "Annual categorisation from the desktop analysis and the summer visits.",
        });
        if (state.category?.moderation === "pending") {
          const moderator = senior.find((u) => u.id !== lead.id);
          if (moderator) state = await run(moderator, row.id, { type: "moderate-category", outcome: "confirmed" });
        }
        const isShowcase = school.urn === showcase.urn;
        const severity = categories.indexOf(category);
        const busy = isShowcase || severity > 0 || i % 3 === 0;
        if (!busy) continue;

        // Visits: those due so far, done (a few left overdue), and the next one booked.
        const plan = getVisitPlan(state, policy, today);
        const past = plan.filter((s) => s.dueBy < today || (s.opens <= today && s.status === "due"));
        const lastClosed = past.filter((s) => s.dueBy < today).length - 1;
        for (const [n, slot] of past.entries()) {
          // Some schools' last visit that should have happened did not: overdue on the dashboard.
          if (!isShowcase && i % 4 === 1 && n === lastClosed) continue;
          const visitType = policy.visitTypes.find((v) => v.key === slot.visitType)!;
          const date = schoolDayFrom(addDays(slot.opens, 3 + (i % 5)));
          if (date > slot.dueBy || date >= today) continue;
          const leader =
            (visitType.ledBy.includes((officer.grants as RoleGrant[])[0]?.role ?? "")
              ? officer
              : holders(visitType.ledBy)[0]) ?? officer;
          at(addDays(date, -7));
          state = await run(leader, row.id, { type: "schedule-visit", visitType: visitType.key, date });
          const visit = state.visits.at(-1)!;
          at(date, 15);
          const form = policy.forms.find((f) => f.key === visitType.reportForm);
          const data = form
            ? (sampleFromSchema(form.schema as never, {
                date,
                text: (title) => `${title}: ${school.name} - discussed with the headteacher and chair of governors.`,
              }) as Record<string, unknown>)
            : {};
          const agendaNotes = Object.fromEntries(
            visit.agenda.map((item) => [item.key, `${item.title}: discussed; next steps agreed.`]),
          );
          const publish = visitType.reportVisibility === "on-publish" && (isShowcase || i % 2 === 0);
          state = await run(leader, row.id, {
            type: "record-visit",
            visitId: visit.id,
            data,
            agendaNotes,
            concerns: severity > 1 && n === past.length - 1,
            publish,
          });
        }
        const next = getVisitPlan(state, policy, today).find((s) => s.status !== "done" && s.dueBy >= today);
        if (next && (isShowcase || i % 2 === 0)) {
          const visitType = policy.visitTypes.find((v) => v.key === next.visitType)!;
          const date = schoolDayFrom(next.opens > addDays(today, 3) ? next.opens : addDays(today, 3 + (i % 7)));
          const leader = holders(visitType.ledBy).find((u) => u.id === officer.id) ?? holders(visitType.ledBy)[0];
          if (leader && date <= next.dueBy) {
            at(today, 8);
            await run(leader, row.id, { type: "schedule-visit", visitType: visitType.key, date });
          }
        }

        // Meetings the category asks for.
        for (const required of category.requiredMeetings) {
          const meetingType = policy.meetingTypes.find((m) => m.key === required.meetingType);
          if (!meetingType || meetingType.progressJudgements.length === 0) continue;
          if (
            meetingType.applicability?.governance &&
            !meetingType.applicability.governance.includes(school.governance as never)
          )
            continue;
          const date = calendarOf.getPreviousSchoolDay(addDays(today, -12)) ?? addDays(today, -12);
          at(date, 14);
          const limit = meetingType.sharing.find((s) => s.content === "key-points")?.maxItems ?? 3;
          const keyPoints = [
            "Leaders have an accurate view of the school's priorities.",
            "Phonics teaching is now consistent across key stage 1.",
            "Governors challenge leaders on attendance data.",
            "The curriculum plan for foundation subjects is in place.",
            "Next review of the plan at the following meeting.",
          ].slice(0, limit);
          const judgement = meetingType.progressJudgements[i % meetingType.progressJudgements.length]!;
          await run(lead, row.id, {
            type: "record-meeting",
            meetingType: meetingType.key,
            date,
            attendees: ["Headteacher", "Chair of governors", officer.display_name, lead.display_name],
            minutes: `Minutes of the ${meetingType.label} for ${school.name}. Progress against the plan was reviewed item by item.`,
            keyPoints,
            progress: judgement.key,
          });
        }

        // Letters and notices: for the schools of most concern, and the showcase school.
        if (
          isShowcase ||
          (severity >= categories.length - 1 && i % 2 === 0) ||
          (severity === categories.length - 2 && i % 3 === 0)
        ) {
          const letterTypes = policy.letterTypes.filter(
            (l) =>
              l.minimumIndicators <= l.indicators.length &&
              (!l.applicability?.governance || l.applicability.governance.includes(school.governance as never)),
          );
          // A notice where one applies; otherwise a letter written for this kind of school (an academy's concerns letter).
          const concern =
            letterTypes.find((l) => l.kind === "notice") ?? letterTypes.find((l) => l.applicability?.governance);
          const letterType = isShowcase
            ? (letterTypes.find((l) => l.kind === "letter" && l.approvalRequired) ?? letterTypes[0])
            : concern;
          const drafter = letterType && holders(letterType.permissions.draft)[0];
          if (letterType && drafter) {
            at(addDays(today, -9), 10);
            const indicators = letterType.indicators
              .slice(0, Math.max(1, letterType.minimumIndicators))
              .map((x) => ({ key: x.key, evidence: `Seen at the visits this term (${school.name}).` }));
            const people = {
              officer: { name: drafter.display_name },
              recipient: { name: "The Chair of Governors", role: "Chair of Governors" },
            };
            state = await run(drafter, row.id, {
              type: "draft-letter",
              letterType: letterType.key,
              indicators,
              actions: [{ text: "Send the LA an updated school improvement plan", due: addDays(today, 20) }],
              people,
            });
            const letter = state.letters.at(-1)!;
            const leaveDraft = !isShowcase && i % 4 === 0;
            if (!leaveDraft) {
              const approver = holders(letterType.permissions.approve).find((u) => u.id !== drafter.id);
              if (letterType.approvalRequired && approver) {
                at(addDays(today, -8), 10);
                state = await run(approver, row.id, { type: "approve-letter", letterId: letter.id });
              }
              const issuer = holders(letterType.permissions.issue)[0];
              if (issuer && (!letterType.approvalRequired || state.letters.at(-1)!.status === "approved")) {
                at(addDays(today, -7), 10);
                await run(issuer, row.id, {
                  type: "issue-letter",
                  letterId: letter.id,
                  people: { ...people, officer: { name: issuer.display_name } },
                });
              }
            }
          }
        }

        // An action plan for the schools of most concern.
        if (severity >= categories.length - 1 || isShowcase) {
          at(addDays(entry.newYear.effectiveFrom, 14), 12);
          state = await run(lead, row.id, {
            type: "add-priority",
            title: "Improve the quality of education in reading",
            targets: ["Phonics screening at national average by July", "Every pupil reads daily to an adult"],
          });
          const priority = state.priorities.at(-1)!;
          await run(lead, row.id, {
            type: "add-action",
            priorityId: priority.id,
            text: "Train all key stage 1 staff in the school's phonics scheme",
            owner: "Headteacher",
            due: addDays(entry.newYear.effectiveFrom, 60),
          });
          await run(lead, row.id, {
            type: "add-action",
            priorityId: priority.id,
            text: "Governors' standards committee reviews reading data each half-term",
            owner: "Chair of governors",
            due: addDays(entry.newYear.effectiveFrom, 90),
          });
        }

        if (isShowcase) {
          const form = policy.forms.find((f) => f.audience === "school");
          const head = users.find((u) => (u.grants as RoleGrant[]).some((g) => g.schoolUrn === showcase.urn));
          if (form && head) {
            await insertFormResponse(trx, tenant.id, {
              formKey: form.key,
              schoolUrn: showcase.urn,
              caseId: row.id,
              policyVersionId: loaded.id,
              data: {},
              page: 0,
              userId: head.id,
            });
          }
        }
      }
      return count;
    });
    log(`${tenant.name}: ${schools.length} schools, ${caseCount} cases, ${users.length} users`);
    report.tenants.push({
      slug: entry.slug,
      name: tenant.name,
      schools: schools.length,
      cases: caseCount,
      users: users.map((u) => ({
        email: u.email,
        roles:
          (u.grants as RoleGrant[]).map((g) => policy.roles.find((r) => r.key === g.role)?.label ?? g.role).join(", ") +
          ((u.grants as RoleGrant[])[0]?.schoolUrn ? ` (${showcase.name}, URN ${showcase.urn})` : ""),
      })),
    });
  }
  return report;
}
