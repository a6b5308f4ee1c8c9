import {
  fieldLabel,
  keyedItemsOf,
  SAMPLE_USER,
  SUBJECT_FIELDS,
  type LooseDocument,
  type Subject,
  type SubjectField,
} from "@steward/policy-config";

/** How a sample record's field is asked for: a choice of a few answers, or typed in. */
export interface SampleQuestion {
  field: string;
  label: string;
  options?: { value: string; label: string }[];
  numeric?: boolean;
  boolean?: boolean;
}

const USER_FIELDS = new Set(["assignedOfficerId", "recipientId", "actorId", "id"]);
const SOMEONE_ELSE = "someone-else";

/** The question for one field of a subject: the user's own or another's, yes or no, one of a list, or typed. */
function questionFor(doc: LooseDocument, field: string, spec: SubjectField): SampleQuestion {
  const label = fieldLabel(field).replace(/^./, (c) => c.toUpperCase());
  if (field === "schoolUrn")
    return {
      field,
      label: "School",
      options: [
        { value: String(SAMPLE_USER.schoolUrn), label: "The user's own school" },
        { value: String(SAMPLE_USER.schoolUrn + 1), label: "Another school" },
      ],
    };
  if (USER_FIELDS.has(field))
    return {
      field,
      label,
      options: [
        { value: SAMPLE_USER.id, label: "The user" },
        { value: SOMEONE_ELSE, label: "Someone else" },
      ],
    };
  if (spec.type === "boolean")
    return {
      field,
      label,
      boolean: true,
      options: [
        { value: "true", label: "Yes" },
        { value: "false", label: "No" },
      ],
    };
  const keyed = keyedItemsOf(doc, field).map((i) => ({ value: i.key, label: i.label }));
  if (keyed.length) return { field, label, options: keyed };
  if (spec.values) return { field, label, options: spec.values.map((v) => ({ value: v, label: v })) };
  return { field, label, numeric: spec.type === "number" };
}

/** The questions of a subject's sample record, one per vocabulary field. */
export function sampleQuestions(doc: LooseDocument, subject: Subject): SampleQuestion[] {
  const fields: Record<string, SubjectField> = SUBJECT_FIELDS[subject];
  return Object.entries(fields).map(([field, spec]) => questionFor(doc, field, spec));
}

/** The answers as the record's values: numbers and booleans typed, blanks left out (null on the server). */
export function toRecord(
  questions: SampleQuestion[],
  answers: Record<string, string>,
): Record<string, string | number | boolean> {
  const record: Record<string, string | number | boolean> = {};
  for (const q of questions) {
    const answer = answers[q.field]?.trim() ?? "";
    if (answer === "") continue;
    if (q.field === "schoolUrn" || q.numeric) record[q.field] = Number(answer);
    else if (q.boolean) record[q.field] = answer === "true";
    else record[q.field] = answer;
  }
  return record;
}
