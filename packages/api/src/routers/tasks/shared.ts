import { z } from "zod";

import type { TaskRow } from "@steward/db";

import { getDueGroup, type DueGroup } from "../../services/tasks.ts";

/** The groups of the inbox, in the order it shows them. */
export const DUE_GROUPS: { key: DueGroup; label: string }[] = [
  { key: "overdue", label: "Overdue" },
  { key: "today", label: "Due today" },
  { key: "week", label: "Due this week" },
  { key: "later", label: "Due later" },
  { key: "undated", label: "No due date" },
];

/** One piece of open work, as the inbox shows it: what, on which school's case, by when, and where it is done. */
export const taskItem = z.object({
  caseId: z.string(),
  key: z.string(),
  schoolUrn: z.number(),
  schoolName: z.string(),
  kind: z.string(),
  label: z.string(),
  audience: z.enum(["la", "school"]),
  due: z.string().nullable(),
  group: z.enum(["overdue", "today", "week", "later", "undated"]),
  record: z.object({ kind: z.string(), id: z.string().nullable() }),
});

export function toTaskItem(row: TaskRow, today: string, weekEnd: string): z.infer<typeof taskItem> {
  return {
    caseId: row.case_id,
    key: row.item_key,
    schoolUrn: row.school_urn,
    schoolName: row.school_name,
    kind: row.kind,
    label: row.label,
    audience: row.audience,
    due: row.due,
    group: getDueGroup(row.due, today, weekEnd),
    record: { kind: row.record_kind, id: row.record_id },
  };
}
