// The template authority, made through the API as its officers would: schools provisioned, then a few dozen
// "pattern" cases given several years of history (categorised each year, visits scheduled and recorded every
// few weeks, letters drafted, approved and issued). Everything else is cloned from these in SQL (clone.ts).
import { provisionSchools, provisionTenant, provisionUser, sampleFromSchema } from "@steward/api";
import type { SchoolValues, StewardDatabase } from "@steward/db";
import { SchoolCalendar } from "@steward/domain";
import { parsePolicyDocument, type PolicyDocument } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

// The demo's sample answers for a form: a real report, valid against the policy's schema.
import { ApiClient, BENCH_PASSWORD, clock } from "./client.ts";

/** Shifts every YYYY-MM-DD string inside `value` by `days` (52-week steps keep weekdays weekdays). */
function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(Date.parse(`${value}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  return value;
}

/**
 * Cambridgeshire's policy with its school calendar stretched from two school years to 2019-20..2027-28 (its
 * first year repeated, 52 weeks a year), so that years of history can be made and today is a school day.
 */
function stretchCalendar(source: PolicyDocument): PolicyDocument {
  const document = structuredClone(source);
  const [first, ...rest] = document.calendar.years;
  if (!first) return document;
  const known = new Set(document.calendar.years.map((y) => y.key));
  const start = Number(first.key.slice(0, 4));
  const years = [];
  for (let year = 2019; year <= 2027; year++) {
    const key = `${year}-${String(year + 1).slice(2)}`;
    if (known.has(key)) continue;
    const shifted = shiftDates(first, (year - start) * 364) as typeof first;
    years.push({ ...shifted, key, label: `${year} to ${year + 1}` });
  }
  document.calendar.years = [...years, first, ...rest].sort((a, b) => a.key.localeCompare(b.key));
  document.strategy.effectiveFrom = "2019-09-01";
  document.strategy.effectiveTo = "2028-08-31";
  return document;
}

const policy: PolicyDocument = stretchCalendar(parsePolicyDocument(cambridgeshire));
const calendar = new SchoolCalendar(policy.calendar);

/** The last school day on or before `date` (a visit is held, and recorded, on a school day). */
export function schoolDayBy(date: Date): string {
  for (let day = date.getTime(); ; day -= 86_400_000) {
    const iso = new Date(day).toISOString().slice(0, 10);
    if (calendar.isSchoolDay(iso) || day < date.getTime() - 60 * 86_400_000) return iso;
  }
}

/** The first school's URN in the template; a clone adds a multiple of URN_STRIDE to every URN. */
export const URN_BASE = 100_000;
export const URN_STRIDE = 10_000;

export interface TemplatePlan {
  slug: string;
  /** Schools (and so cases, once cloned) in the template authority. */
  schools: number;
  /** Cases given their history through the API. */
  patterns: number;
  /** Six-weekly steps of history (about eight a school year). */
  steps: number;
}

export interface Template {
  tenantId: string;
  slug: string;
  policyVersionId: string;
  schools: SchoolValues[];
  /** The users by role key (one each). */
  emails: Record<string, string>;
  patternCaseIds: string[];
  /** The number of API calls made building the history. */
  calls: number;
}

const VISIT_TYPE = "school-improvement-adviser-visit";
const FIRST_DAY = Date.UTC(2020, 8, 16, 9);
const STEP_DAYS = 42;

const NOTES =
  "Leaders have an accurate view of the school's strengths and priorities. Since the last visit the phonics scheme has been " +
  "embedded across key stage 1 and the proportion of pupils keeping up has risen; governors now receive half-termly " +
  "reading data and challenge it. Attendance of disadvantaged pupils remains below the national figure, and the plan to " +
  "improve it is at an early stage. Agreed next steps: middle leaders to monitor reading in the wider curriculum; the " +
  "adviser to return next half term to review the attendance plan with the headteacher and the chair of governors.";

/** The report an adviser writes for a visit on `date`. */
export const visitReport = (date: string): Record<string, unknown> => {
  const form = policy.forms.find((f) => f.key === "visit-report");
  if (!form) throw new Error("The bench policy has no visit-report form.");
  // Written up as an adviser would: a few sentences in each text answer (within the shortest field's 200
  // characters), not the sampler's one sentence.
  const data = sampleFromSchema(form.schema, { date, text: (title) => `${title}: ${NOTES}`.slice(0, 190) });
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
};

const schoolOf = (i: number): SchoolValues => ({
  urn: URN_BASE + i,
  name: `Bench School ${String(i).padStart(4, "0")}`,
  laCode: policy.authority.laCode,
  laestab: null,
  phase: i % 5 === 0 ? "secondary" : "primary",
  typeOfEstablishment: "Community school",
  governance: "maintained",
  trust: null,
  status: "open",
  openedOn: null,
  closedOn: null,
  postcode: null,
  district: null,
  data: { facts: { ofsted: { overallEffectiveness: "requires-improvement" } } },
});

/** Provisions the authority, its schools and one user for each of its LA roles. */
export async function provisionAuthority(
  database: StewardDatabase,
  slug: string,
  schools: number,
): Promise<Omit<Template, "patternCaseIds" | "calls">> {
  const { tenant, policyVersionId } = await provisionTenant(database.db, { slug, policy });
  const list = Array.from({ length: schools }, (_, i) => schoolOf(i));
  await provisionSchools(database.db, tenant.id, list);
  const emails: Record<string, string> = {};
  for (const role of policy.roles.filter((r) => r.audience === "la")) {
    const email = `${role.key}@${slug}.bench`;
    await provisionUser(database.db, tenant.id, {
      email,
      displayName: role.label,
      password: BENCH_PASSWORD,
      grants: [{ role: role.key }],
    });
    emails[role.key] = email;
  }
  return { tenantId: tenant.id, slug, policyVersionId, schools: list, emails };
}

/** Signed-in clients of the adviser and the senior officer. */
export async function officersOf(database: StewardDatabase, t: Pick<Template, "slug" | "emails">) {
  const adviser = new ApiClient(database, t.slug, t.emails["school-improvement-adviser"]!);
  const senior = new ApiClient(database, t.slug, t.emails["la-senior-officer"]!);
  await Promise.all([adviser.signIn(), senior.signIn()]);
  return { adviser, senior };
}

/** Schedules a visit on `date` and returns its id (the newest scheduled visit of the case). */
export async function scheduleVisit(client: ApiClient, caseId: string, date: string): Promise<string> {
  await client.api.visits.schedule({ caseId, visitType: VISIT_TYPE, date });
  const view = await client.api.cases.get({ caseId });
  const scheduled = view.visits.filter((v) => v.status === "scheduled");
  const visit = scheduled[scheduled.length - 1];
  if (!visit) throw new Error(`The visit just scheduled on case ${caseId} is not on its page.`);
  return visit.id;
}

/** A letter of concern drafted by the adviser, approved and issued by the senior officer. */
async function sendLetter(adviser: ApiClient, senior: ApiClient, caseId: string, date: string): Promise<number> {
  const type = policy.letterTypes.find((l) => l.key === "significant-concerns-letter") ?? policy.letterTypes[0];
  if (!type) return 0;
  const parameters = type.parameters ? sampleFromSchema(type.parameters.schema, { date }) : undefined;
  const drafted = await adviser.api.letters.draft({
    caseId,
    letterType: type.key,
    indicators: type.indicators
      .slice(0, Math.max(1, type.minimumIndicators))
      .map((x) => ({ key: x.key, evidence: "Seen at the visits this term." })),
    ...(parameters && typeof parameters === "object" && !Array.isArray(parameters)
      ? { parameters: parameters as Record<string, unknown> }
      : {}),
  });
  let calls = 1;
  if (type.approvalRequired) {
    await senior.api.letters.approve({ caseId, letterId: drafted.letterId });
    calls++;
  }
  await senior.api.letters.issue({ caseId, letterId: drafted.letterId });
  return calls + 1;
}

/**
 * The template's pattern cases and their history, step by step in time: every case opened, assigned and
 * categorised at the start; each step a visit scheduled and recorded on the cases due one (every 1, 2 or 3
 * steps by pattern); re-categorised each school year; a letter now and then. Returns the case ids and calls.
 */
export async function buildHistory(
  database: StewardDatabase,
  t: Omit<Template, "patternCaseIds" | "calls">,
  plan: Pick<TemplatePlan, "patterns" | "steps">,
  log: (line: string) => void,
): Promise<{ patternCaseIds: string[]; calls: number }> {
  const categories = policy.categories.map((c) => c.key);
  let calls = 0;
  let letterFailure = false;
  clock.now = new Date(FIRST_DAY);
  let officers = await officersOf(database, t);
  const users = await officers.senior.api.users.list({ officersOnly: true });
  const sia = users.find((u) => u.email === t.emails["school-improvement-adviser"]);
  if (!sia) throw new Error("The adviser is not listed among the officers.");
  const caseIds: string[] = [];
  for (const school of t.schools.slice(0, plan.patterns)) {
    const { caseId } = await officers.senior.api.cases.open({ urn: school.urn });
    await officers.senior.api.cases.assign({ caseId, officerId: sia.id });
    caseIds.push(caseId);
    calls += 2;
  }
  for (let step = 0; step < plan.steps; step++) {
    const date = schoolDayBy(new Date(FIRST_DAY + step * STEP_DAYS * 86_400_000));
    clock.now = new Date(`${date}T15:00:00Z`);
    // Sessions last hours; history spans years: sign in again at each step.
    officers = await officersOf(database, t);
    const { adviser, senior } = officers;
    for (const [p, caseId] of caseIds.entries()) {
      if (step % 8 === 0) {
        await senior.api.assessments.decide({
          caseId,
          category: categories[(p + step / 8) % categories.length]!,
          effectiveFrom: date,
        });
        calls++;
      }
      if (step % (1 + (p % 3)) === 0) {
        const visitId = await scheduleVisit(adviser, caseId, date);
        await adviser.api.visits.record({ caseId, visitId, data: visitReport(date), concerns: p % 2 === 0 });
        calls += 3;
      }
      if (p % 4 === 0 && step % 16 === 4 && !letterFailure) {
        try {
          calls += await sendLetter(adviser, senior, caseId, date);
        } catch (error) {
          letterFailure = true;
          log(`letters left out of the history: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    if (step % 5 === 4) log(`history step ${step + 1}/${plan.steps} (${date}), ${calls} API calls`);
  }
  return { patternCaseIds: caseIds, calls };
}
