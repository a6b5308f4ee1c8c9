// Frozen: released upgrades are never edited.
import type { UntypedDocument } from "../upgrade.ts";

type Loose = Record<string, unknown>;

interface RetiredFact {
  type: "string" | "number" | "boolean" | "date";
  description: string;
  values?: readonly string[];
  /** An officer's judgement (entered), rather than data (imported, or entered). */
  judgement?: true;
}

const trend = ["improving", "stable", "declining"] as const;

/**
 * The facts format 2 had built in that were an authority's own data, as they
 * stood when retired. Format 3 declares each one a document reads as an
 * indicator of the document's own.
 */
const RETIRED_FACTS: Readonly<Record<string, RetiredFact>> = {
  "ofsted.riskOfLessThanGood": {
    type: "boolean",
    description: "Officers judge the school at risk of a less-than-good outcome within its inspection window.",
    judgement: true,
  },
  "ofsted.riskOfInadequate": {
    type: "boolean",
    description: "Officers judge a high risk of an inadequate or adverse grading in one or more areas.",
    judgement: true,
  },
  "attendance.absenceRate": { type: "number", description: "Overall absence, per cent of sessions." },
  "attendance.persistentAbsenceRate": { type: "number", description: "Pupils persistently absent, per cent." },
  "attendance.trend": { type: "string", description: "Direction of attendance.", values: trend },
  "attendance.belowNational": { type: "boolean", description: "Attendance below the national average." },
  "exclusions.suspensionRate": { type: "number", description: "Suspensions per 100 pupils." },
  "exclusions.permanentExclusions": { type: "number", description: "Permanent exclusions this year." },
  "exclusions.high": { type: "boolean", description: "Exclusions high against similar schools." },
  "attainment.trend": { type: "string", description: "Direction of attainment over time.", values: trend },
  "attainment.comparedWithNational": {
    type: "string",
    description: "Attainment at the end of key stages against national averages.",
    values: ["above", "in-line", "below", "consistently-below"],
  },
  "attainment.belowFloorStandard": { type: "boolean", description: "Below the floor standard." },
  "attainment.disadvantagedGap": {
    type: "string",
    description: "The gap between disadvantaged pupils and their peers.",
    values: ["narrow", "in-line", "wide", "consistently-wide"],
  },
  "attainment.significantImprovement": {
    type: "boolean",
    description: "A significant improvement in pupil performance.",
  },
  "attainment.disadvantagedAccelerated": {
    type: "boolean",
    description: "Significantly accelerated achievement of disadvantaged groups.",
  },
  "headteacher.status": {
    type: "string",
    description: "The headteacher's position.",
    values: ["substantive", "new", "interim", "acting", "vacant"],
  },
  "headteacher.monthsInPost": { type: "number", description: "Months the headteacher has been in post." },
  "headteacher.seriousAllegation": {
    type: "boolean",
    description: "Serious allegations against the headteacher are open.",
    judgement: true,
  },
  "governance.effective": {
    type: "boolean",
    description: "Governors hold leaders to account effectively.",
    judgement: true,
  },
  "governance.substantiveInPlace": {
    type: "boolean",
    description: "Substantive leadership (headteacher and governance) is in place.",
  },
  "leadership.stable": { type: "boolean", description: "Leadership and staffing are stable.", judgement: true },
  "leadership.takingEffectiveAction": {
    type: "boolean",
    description: "Leaders and governors are taking effective action on the concerns.",
    judgement: true,
  },
  "safeguarding.concerns": { type: "boolean", description: "There are safeguarding concerns.", judgement: true },
  "safeguarding.statutoryMet": {
    type: "boolean",
    description: "All safeguarding statutory requirements are met.",
    judgement: true,
  },
  "finance.concerns": {
    type: "boolean",
    description: "There are concerns about the management of the school's finances.",
    judgement: true,
  },
  "complaints.parentalToLa": { type: "number", description: "Parental complaints to the LA this year." },
  "staffing.highTurnover": { type: "boolean", description: "High rates of staff turnover or grievances." },
  "roll.fallingFasterThanDemographics": {
    type: "boolean",
    description: "The roll is falling faster than demographic change explains.",
  },
  "selfEvaluation.accurate": {
    type: "boolean",
    description: "The school's self-evaluation is accurate and current.",
    judgement: true,
  },
  "intelligence.concernsFromServices": {
    type: "boolean",
    description: "Other services (SEND, inclusion, governor services, ...) report concerns.",
    judgement: true,
  },
  academisationOrder: { type: "boolean", description: "An academy order has been made." },
};

/** The counts format 2 had built in over a meeting or visit type, and the measure of the same meaning. */
const RETIRED_COUNTS: Readonly<Record<string, (type: string, label: string) => Loose>> = {
  "meetings.heldInStage": (type, label) => ({
    label: `${label}: meetings held in this stage`,
    description: "Meetings of this type held since the case entered its stage.",
    aggregate: "count",
    of: { kind: "meetings", meetingType: type },
    window: { kind: "stage" },
  }),
  "meetings.strongProgressInARow": (type, label) => ({
    label: `${label}: meetings in a row judging strong progress`,
    description: "Latest meetings of this type in a row (in this stage) that judged strong progress.",
    aggregate: "streak",
    of: { kind: "meetings", meetingType: type },
    streakWhile: { var: "strong" },
    window: { kind: "stage" },
  }),
  "meetings.concernsInARow": (type, label) => ({
    label: `${label}: meetings in a row judging progress a concern`,
    description: "Latest meetings of this type in a row (in this stage) that judged progress a concern.",
    aggregate: "streak",
    of: { kind: "meetings", meetingType: type },
    streakWhile: { "!": { var: "strong" } },
    window: { kind: "stage" },
  }),
  "visits.concernsInARow": (type, label) => ({
    label: `${label}: visits in a row recording concerns`,
    description: "Latest reported visits of this type in a row that recorded concerns about progress.",
    aggregate: "streak",
    of: { kind: "visits", visitType: type },
    where: { and: [{ "==": [{ var: "status" }, "completed"] }, { var: "reported" }] },
    streakWhile: { var: "concerns" },
    window: { kind: "all" },
  }),
};

const KEY_LENGTH = 64;

/** `attendance.belowNational` -> `attendance-below-national`, at most a key's length. */
function toKey(path: string): string {
  const kebab = path
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/\./g, "-")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-");
  return kebab.slice(0, KEY_LENGTH).replace(/-+$/, "");
}

/** `consistently-below` -> `Consistently below`. */
function toSentence(value: string): string {
  const words = value.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function toIndicatorType(fact: RetiredFact): Loose {
  if (fact.values) {
    return { kind: "choice", options: fact.values.map((value) => ({ value, label: toSentence(value) })) };
  }
  return { kind: fact.type === "string" ? "text" : fact.type };
}

function toIndicator(key: string, fact: RetiredFact): Loose {
  return {
    key,
    label: fact.description.replace(/\.$/, ""),
    type: toIndicatorType(fact),
    from: fact.judgement ? [{ kind: "entry" }] : [{ kind: "import" }, { kind: "entry" }],
    visibleToSchools: false,
  };
}

function listOf(value: unknown): Loose[] {
  return Array.isArray(value) ? value.filter((item): item is Loose => Boolean(item) && typeof item === "object") : [];
}

/** What the document reads that format 3 no longer has built in, and what each var becomes. */
interface Rewrite {
  vars: Map<string, string>;
  indicators: Loose[];
  measures: Loose[];
}

function labelsOf(document: UntypedDocument, collection: "meetingTypes" | "visitTypes"): Map<string, string> {
  return new Map(listOf(document[collection]).map((item) => [String(item.key), String(item.label ?? item.key)]));
}

/** Plans the rewrite of one var name, declaring its indicator or measure the first time it is read. */
function planVar(name: string, document: UntypedDocument, plan: Rewrite, taken: Set<string>): void {
  if (plan.vars.has(name)) return;
  const fact = RETIRED_FACTS[name];
  if (fact) {
    const key = toKey(name);
    plan.vars.set(name, `indicators.${key}`);
    if (!taken.has(`i:${key}`)) plan.indicators.push(toIndicator(key, fact));
    taken.add(`i:${key}`);
    return;
  }
  const match = /^(meetings|visits)\.([^.]+)\.(\w+)$/.exec(name);
  const build = match ? RETIRED_COUNTS[`${match[1]}.${match[3]}`] : undefined;
  if (!match || !build) return;
  const [, kind = "", type = "", count = ""] = match;
  const labels = labelsOf(document, kind === "meetings" ? "meetingTypes" : "visitTypes");
  if (!labels.has(type)) return;
  let key = toKey(`${kind}.${type}.${count}`);
  for (let n = 2; taken.has(`m:${key}`); n++)
    key = `${toKey(`${kind}.${type}.${count}`).slice(0, KEY_LENGTH - 3)}-${n}`;
  taken.add(`m:${key}`);
  plan.vars.set(name, `measures.${key}`);
  plan.measures.push({ key, ...build(type, labels.get(type) ?? type) });
}

/** The rule with each var that `rename` knows renamed (`rename` sees every var name read). */
function mapVars(node: unknown, rename: (name: string) => string | undefined): unknown {
  if (Array.isArray(node)) return node.map((child: unknown) => mapVars(child, rename));
  if (node === null || typeof node !== "object") return node;
  const out: Loose = {};
  for (const [operator, args] of Object.entries(node as Loose)) {
    if (operator === "var" && typeof args === "string") {
      out.var = rename(args) ?? args;
    } else if (operator === "var" && Array.isArray(args) && typeof args[0] === "string") {
      const list: unknown[] = args;
      out.var = list.map((item, i) => (i === 0 && typeof item === "string" ? (rename(item) ?? item) : item));
    } else {
      out[operator] = mapVars(args, rename);
    }
  }
  return out;
}

/** Rewrites the `when` of every item of a list, leaving items without one as they are. */
function rewriteWhens(items: unknown, rename: (name: string) => string | undefined): unknown {
  if (!Array.isArray(items)) return items;
  return items.map((item: unknown) => {
    if (!item || typeof item !== "object" || !("when" in item)) return item;
    const loose = item as Loose;
    return { ...loose, when: mapVars(loose.when, rename) };
  });
}

/**
 * Format 2 -> 3. Format 2 had the data an authority watches (attendance,
 * attainment, officers' judgements, ...) and the counts of meetings and visits
 * in a row built in as facts; format 3 has the policy declare them. For each
 * retired fact a trigger or transition reads, the document gains an indicator
 * (`attendance.belowNational` -> `indicators.attendance-below-national`: only
 * LA staff see it; data comes from an import or an officer's entry, officers'
 * judgements from an entry) and for each retired count a measure computed the
 * same way (`meetings.<type>.strongProgressInARow` -> a streak of strong
 * meetings of that type in this stage), and every rule reads them instead.
 */
export function upgradeV2ToV3(document: UntypedDocument): UntypedDocument {
  const plan: Rewrite = { vars: new Map(), indicators: [], measures: [] };
  const taken = new Set([
    ...listOf(document.indicators).map((i) => `i:${String(i.key)}`),
    ...listOf(document.measures).map((m) => `m:${String(m.key)}`),
  ]);
  const escalation =
    document.escalation && typeof document.escalation === "object" ? (document.escalation as Loose) : undefined;
  const collect = (name: string) => {
    planVar(name, document, plan, taken);
    return undefined;
  };
  rewriteWhens(document.triggers, collect);
  rewriteWhens(escalation?.transitions, collect);
  if (plan.vars.size === 0) return document;
  // Declared in the order of the retired table, so the same reads give the same document.
  const order = [...Object.keys(RETIRED_FACTS)].map(toKey);
  plan.indicators.sort((a, b) => order.indexOf(String(a.key)) - order.indexOf(String(b.key)));
  const rename = (name: string) => plan.vars.get(name);
  const next: UntypedDocument = { ...document, triggers: rewriteWhens(document.triggers, rename) };
  if (escalation) next.escalation = { ...escalation, transitions: rewriteWhens(escalation.transitions, rename) };
  if (plan.indicators.length > 0) next.indicators = [...listOf(document.indicators), ...plan.indicators];
  if (plan.measures.length > 0) next.measures = [...listOf(document.measures), ...plan.measures];
  return next;
}
