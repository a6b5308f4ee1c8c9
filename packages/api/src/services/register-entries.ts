// Register entries: what the `register_entries` projection is given when a command changes them, and the
// rows of the register list and its CSV as a user may see them.
import { z } from "zod";

import type { RegisterEntryValues } from "@steward/db";
import type { CaseEvent, CaseState } from "@steward/domain";
import type { PolicyDocument, RegisterDefinition } from "@steward/policy-config";

/**
 * The entries a decision's events changed, as the new state holds them: those
 * logged or closed, and every entry when the case moved to a new URN (the list
 * across schools files them under the case's school).
 */
export function changedRegisterEntries(events: readonly CaseEvent[], state: CaseState): RegisterEntryValues[] {
  const all = events.some((e) => e.type === "school-changed");
  const touched = new Set(
    events.flatMap((e) =>
      e.type === "register-entry-logged" || e.type === "register-entry-closed" ? [e.entryId] : [],
    ),
  );
  return state.registerEntries.filter((entry) => all || touched.has(entry.id));
}

/** A register's definition in a policy, when the policy still has it. */
export function registerOf(policy: PolicyDocument, key: string): RegisterDefinition | undefined {
  return policy.registers?.find((r) => r.key === key);
}

const schemaProperties = z.object({
  properties: z.record(z.string(), z.looseObject({ title: z.string().optional() })),
});

/** The titles of a register's fields, in its schema's order (`title`, else the field's key). */
export function fieldTitles(register: RegisterDefinition | undefined): { key: string; title: string }[] {
  const parsed = schemaProperties.safeParse(register?.schema);
  if (!parsed.success) return [];
  return Object.entries(parsed.data.properties).map(([key, definition]) => ({ key, title: definition.title ?? key }));
}
