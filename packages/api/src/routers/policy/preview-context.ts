import { listSchools } from "@steward/db";
import type { LetterContext } from "@steward/domain";
import { letterParameterFields, MERGE_FIELDS, type LetterType } from "@steward/policy-config";

import { notFound } from "../../errors.ts";
import { getAccessFilter } from "../../services/access.ts";
import { getSchoolMergeFields } from "../../services/school-data.ts";
import type { TenantContext } from "../../trpc.ts";

/** What a preview shows for a merge field that has no value: never a blank the reader cannot see. */
const NOT_SET = "[not set]";

const isEmpty = (value: unknown) => value === undefined || value === null || value === "";

/** A group of merge fields (`school`) with "[not set]" for each of the vocabulary's fields in it that has no value. */
function fillGroup<T extends object>(group: string, record: T): T {
  const present = new Set(
    Object.entries(record)
      .filter(([, value]) => !isEmpty(value))
      .map(([name]) => name),
  );
  const missing = Object.keys(MERGE_FIELDS)
    .filter((field) => field.startsWith(`${group}.`) && !field.includes("{"))
    .map((field) => field.slice(group.length + 1))
    .filter((name) => !present.has(name));
  return { ...record, ...Object.fromEntries(missing.map((name) => [name, NOT_SET])) };
}

/**
 * The context with "[not set]" for every merge field of the vocabulary (`school.address`, ...) and every parameter
 * of the type that has no value, so a preview shows where a letter would say nothing.
 */
export function markNotSet(context: LetterContext, letterType: LetterType): LetterContext {
  return {
    ...context,
    authority: fillGroup("authority", context.authority),
    school: fillGroup("school", context.school),
    case: fillGroup("case", context.case),
    officer: fillGroup("officer", context.officer),
    letter: fillGroup("letter", context.letter),
    recipient: fillGroup("recipient", context.recipient),
    parameters: Object.fromEntries(
      letterParameterFields(letterType).map((field) => {
        const value = context.parameters[field];
        return [field, isEmpty(value) ? NOT_SET : value];
      }),
    ),
  };
}

/**
 * A real school of the authority, as a letter's merge fields name it (its people and address from its stored
 * data), if the user may see it in the register.
 */
export async function loadPreviewSchool(
  ctx: Pick<TenantContext, "trx" | "ability">,
  urn: number,
): Promise<LetterContext["school"]> {
  const { rows } = await listSchools(ctx.trx, getAccessFilter(ctx.ability, "read", "School"), {
    search: String(urn),
    limit: 1,
    offset: 0,
  });
  const school = rows.find((row) => row.urn === urn);
  if (!school) throw notFound("That school");
  return {
    name: school.name,
    urn: school.urn,
    ...(school.trust ? { trust: school.trust } : {}),
    ...getSchoolMergeFields(school.data),
  };
}
