import { listIndicatorValues, type IndicatorValueRecord, type TenantTransaction } from "@steward/db";
import { addDuration, setIndicatorFacts, type Facts, type IndicatorReading, type IsoDate } from "@steward/domain";
import type { Duration, IndicatorDefinition, PolicyDocument } from "@steward/policy-config";

import { formatValue, readStoredValue, type IndicatorValue } from "./convert.ts";

/**
 * Every stored value of the policy's indicators for a school (undone imports
 * left out), as the engine reads them: `DecideContext.indicatorReadings`.
 * `recordedBy`, for a view of the case as it was, keeps only the values
 * Steward held at that instant.
 */
export async function loadIndicatorReadings(
  trx: TenantTransaction,
  policy: PolicyDocument,
  schoolUrn: number,
  recordedBy?: Date,
): Promise<IndicatorReading[]> {
  const declared = (policy.indicators ?? []).map((d) => d.key);
  if (declared.length === 0) return [];
  const rows = await listIndicatorValues(trx, [schoolUrn], { indicators: declared });
  return rows
    .filter((r) => recordedBy === undefined || r.recordedAt <= recordedBy)
    .map((r) => ({ indicator: r.indicator, value: readStoredValue(r.value), asAt: r.asAt }));
}

/**
 * Every stored value of the policy's indicators for many schools, in one query, by school (schools with none
 * are absent): what a dry run over every open case (the publish impact) gives each case's decision.
 */
export async function loadIndicatorReadingsBySchool(
  trx: TenantTransaction,
  policy: PolicyDocument,
  schoolUrns: readonly number[],
): Promise<Map<number, IndicatorReading[]>> {
  const declared = (policy.indicators ?? []).map((d) => d.key);
  const bySchool = new Map<number, IndicatorReading[]>();
  if (declared.length === 0) return bySchool;
  for (const r of await listIndicatorValues(trx, schoolUrns, { indicators: declared })) {
    const readings = bySchool.get(r.schoolUrn) ?? [];
    readings.push({ indicator: r.indicator, value: readStoredValue(r.value), asAt: r.asAt });
    bySchool.set(r.schoolUrn, readings);
  }
  return bySchool;
}

/** The last day a value as at `asAt` still counts (undefined: until it is replaced), as the engine reads it. */
function getCurrentUntil(asAt: IsoDate, currentFor: Duration | undefined): IsoDate | undefined {
  return currentFor ? addDuration(asAt, currentFor) : undefined;
}

/** One value of a school's indicator, as a person reads it. */
interface PresentedValue {
  value: IndicatorValue | null;
  display: string;
  asAt: string;
  source: "import" | "entry" | "form" | "derived";
  /** The file an import came from, or the officer's note. */
  sourceDetail: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface PresentedIndicator {
  key: string;
  label: string;
  description: string | null;
  group: string | null;
  kind: IndicatorDefinition["type"]["kind"];
  unit: string | null;
  options: { value: string; label: string }[];
  from: IndicatorDefinition["from"][number]["kind"][];
  visibleToSchools: boolean;
  /** The latest value (by as-at date, then by when it was recorded), and whether it still counts today. */
  latest: (PresentedValue & { current: boolean; currentUntil: string | null }) | null;
  history: PresentedValue[];
}

function presentValue(indicator: IndicatorDefinition, record: IndicatorValueRecord): PresentedValue {
  const value = readStoredValue(record.value);
  return {
    value,
    display: formatValue(indicator, value),
    asAt: record.asAt,
    source: record.sourceKind,
    sourceDetail: record.sourceKind === "import" ? record.fileName : record.note,
    recordedBy: record.recordedByName,
    recordedAt: record.recordedAt.toISOString(),
  };
}

/** The values of the policy's derived indicators today, worked out by the engine from the other indicators. */
function getDerivedValues(
  policy: PolicyDocument,
  rows: readonly IndicatorValueRecord[],
  today: IsoDate,
): Map<string, IndicatorValue | null> {
  const derivedKeys = (policy.indicators ?? [])
    .filter((d) => d.from.some((f) => f.kind === "derived"))
    .map((d) => d.key);
  if (derivedKeys.length === 0) return new Map();
  const readings = rows.map((r) => ({ indicator: r.indicator, value: readStoredValue(r.value), asAt: r.asAt }));
  const facts: Facts = {};
  setIndicatorFacts(facts, policy, readings, today);
  const worked = facts.indicators;
  const valueOf = (key: string): IndicatorValue | null => {
    const value: unknown = worked !== null && typeof worked === "object" ? Reflect.get(worked, key) : null;
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  };
  return new Map(derivedKeys.map((key) => [key, valueOf(key)]));
}

function presentDerived(indicator: IndicatorDefinition, value: IndicatorValue | null, today: IsoDate): PresentedValue {
  return {
    value,
    display: formatValue(indicator, value),
    asAt: today,
    source: "derived",
    sourceDetail: "Worked out today from the other indicators",
    recordedBy: null,
    recordedAt: `${today}T00:00:00.000Z`,
  };
}

/**
 * A school's indicators as the user may see them: every indicator the policy
 * declares (only those schools see, for a school user: the others never leave
 * the server), each with its latest value and its history.
 */
export async function presentSchoolIndicators(
  trx: TenantTransaction,
  policy: PolicyDocument,
  schoolUrn: number,
  options: { audience: "la" | "school"; today: IsoDate },
): Promise<PresentedIndicator[]> {
  const declared = (policy.indicators ?? []).filter((d) => options.audience === "la" || d.visibleToSchools);
  const rows =
    declared.length === 0
      ? []
      : await listIndicatorValues(trx, [schoolUrn], { indicators: declared.map((d) => d.key) });
  const derived = getDerivedValues(policy, rows, options.today);
  return declared.map((indicator) => {
    const history = rows.filter((r) => r.indicator === indicator.key).map((r) => presentValue(indicator, r));
    const worked = derived.get(indicator.key);
    if (worked !== undefined) history.unshift(presentDerived(indicator, worked, options.today));
    const latest = history[0];
    const until = latest ? getCurrentUntil(latest.asAt, indicator.currentFor) : undefined;
    return {
      key: indicator.key,
      label: indicator.label,
      description: indicator.description ?? null,
      group: indicator.group ?? null,
      kind: indicator.type.kind,
      unit: indicator.type.kind === "number" ? (indicator.type.unit ?? null) : null,
      options: indicator.type.kind === "choice" ? indicator.type.options.map((o) => ({ ...o })) : [],
      from: indicator.from.map((f) => f.kind),
      visibleToSchools: indicator.visibleToSchools,
      latest: latest
        ? { ...latest, current: until === undefined || options.today <= until, currentUntil: until ?? null }
        : null,
      history,
    };
  });
}
