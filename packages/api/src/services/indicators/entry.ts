import { appendAudit, insertIndicatorValues, type School, type TenantTransaction } from "@steward/db";
import { DomainError, toIsoDate, type PolicyAbility, type RoleGrant } from "@steward/domain";
import type { FormDefinition, IndicatorDefinition, PolicyDocument } from "@steward/policy-config";

import { schoolRecordOf } from "../access.ts";
import { convertValue, formatValue } from "./convert.ts";

/** Who records a value: the request's transaction, tenant, user, ability and clock. */
export interface Recorder {
  trx: TenantTransaction;
  tenantId: string;
  user: { id: string; displayName: string; grants: readonly RoleGrant[] };
  ability: PolicyAbility;
  now: () => Date;
}

/**
 * Whether the user may enter a value of this indicator for this school: the
 * indicator must come from an officer's entry; its `roles`, when the policy
 * names them, are the roles that may (bound to this school, for a school
 * role); otherwise whoever may update the school.
 */
export function mayRecordValue(
  recorder: Pick<Recorder, "user" | "ability">,
  indicator: IndicatorDefinition,
  school: School,
): boolean {
  const entry = indicator.from.find((f) => f.kind === "entry");
  if (!entry) return false;
  if (entry.roles)
    return recorder.user.grants.some(
      (g) => entry.roles?.includes(g.role) && (g.schoolUrn === undefined || g.schoolUrn === school.urn),
    );
  return recorder.ability.ability.can("update", schoolRecordOf(school));
}

/** Records an officer's value of an indicator for a school (checked by the indicator's type), audited. */
export async function recordValue(
  recorder: Recorder,
  policy: PolicyDocument,
  school: School,
  input: { indicator: string; value: string | number | boolean; asAt: string; note?: string | undefined },
) {
  const indicator = policy.indicators?.find((d) => d.key === input.indicator);
  if (!indicator)
    throw new DomainError("invalid", `There is no indicator "${input.indicator}" in the policy.`, "/indicator");
  if (!indicator.from.some((f) => f.kind === "entry"))
    throw new DomainError(
      "invalid",
      `${indicator.label} is not entered by an officer: it comes from elsewhere.`,
      "/indicator",
    );
  if (!mayRecordValue(recorder, indicator, school))
    throw new DomainError("forbidden", `Your roles do not allow you to record ${indicator.label}.`);
  if (input.asAt > toIsoDate(recorder.now()))
    throw new DomainError("invalid", "The date a value is as at cannot be in the future.", "/asAt");
  const converted = convertValue(indicator, input.value);
  if (converted.kind !== "value")
    throw new DomainError("invalid", converted.kind === "error" ? converted.reason : "Enter a value.", "/value");
  await insertIndicatorValues(recorder.trx, recorder.tenantId, [
    {
      schoolUrn: school.urn,
      indicator: indicator.key,
      value: converted.value,
      asAt: input.asAt,
      sourceKind: "entry",
      recordedBy: recorder.user.id,
      recordedAt: recorder.now(),
      note: input.note?.trim() || null,
    },
  ]);
  await appendAudit(recorder.trx, recorder.tenantId, {
    actorId: recorder.user.id,
    actorLabel: recorder.user.displayName,
    action: "indicator-value-recorded",
    subjectType: "School",
    subjectId: String(school.urn),
    detail: { indicator: indicator.key, value: converted.value, asAt: input.asAt },
  });
  return { display: formatValue(indicator, converted.value) };
}

/** The value at a JSON pointer (`/a/b/0`) of a form's answers, or undefined. */
function getAtPointer(data: unknown, pointer: string): unknown {
  let here: unknown = data;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(here) && /^\d+$/.test(part)) here = here[Number(part)];
    else if (here && typeof here === "object" && !Array.isArray(here)) here = new Map(Object.entries(here)).get(part);
    else return undefined;
  }
  return here;
}

/**
 * When a form's response is submitted, each indicator whose values come from
 * an answer of that form gets the answer (as at the day of submission). An
 * answer missing or not of the indicator's type stores nothing: the form's own
 * schema decided what may be submitted.
 */
export async function recordFormAnswers(
  recorder: Pick<Recorder, "trx" | "tenantId" | "user" | "now">,
  policy: PolicyDocument,
  form: Pick<FormDefinition, "key">,
  response: { id: string; schoolUrn: number; data: Record<string, unknown> },
): Promise<number> {
  const values = (policy.indicators ?? []).flatMap((indicator) => {
    const source = indicator.from.find((f) => f.kind === "form" && f.form === form.key);
    if (source?.kind !== "form") return [];
    const converted = convertValue(indicator, getAtPointer(response.data, source.field) ?? null);
    return converted.kind === "value" ? [{ indicator: indicator.key, value: converted.value }] : [];
  });
  const now = recorder.now();
  return insertIndicatorValues(
    recorder.trx,
    recorder.tenantId,
    values.map((v) => ({
      ...v,
      schoolUrn: response.schoolUrn,
      asAt: toIsoDate(now),
      sourceKind: "form" as const,
      formResponseId: response.id,
      recordedBy: recorder.user.id,
      recordedAt: now,
    })),
  );
}
