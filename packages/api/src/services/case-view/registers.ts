// The policy's registers on this case: for each register the user may read or log in, the entries they may
// read (each checked on its own record), whether they may log one, and, for those they may log, the register's
// schema for the form. What the user may not read is never here: not an entry, not a count.
import { registerEntrySubject } from "@steward/domain";

import { fieldTitles } from "../register-entries.ts";
import type { ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

export function presentRegisters({ state, policy, facts, may, canRead, nameOf }: ViewContext): CaseView["registers"] {
  const open = state.status === "open";
  return (policy.registers ?? []).flatMap((register) => {
    const record = (status: string) => registerEntrySubject(facts, { register: register.key, status });
    const canLog = open && may("create", record("open"));
    const entries = state.registerEntries
      .filter((e) => e.register === register.key && canRead(record(e.status)))
      .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.loggedAt.localeCompare(a.loggedAt))
      .map((e) => ({
        id: e.id,
        occurredOn: e.occurredOn,
        loggedAt: e.loggedAt,
        loggedBy: nameOf(e.loggedBy),
        status: e.status,
        fields: e.fields,
        ...(e.closedAt ? { closedAt: e.closedAt, closedBy: nameOf(e.closedBy), closeNote: e.closeNote ?? "" } : {}),
        canClose: open && e.status === "open" && may("close", record(e.status)),
      }));
    if (!canRead(record("open")) && !canRead(record("closed")) && !canLog) return [];
    return [
      {
        key: register.key,
        label: register.label,
        entryLabel: register.entryLabel,
        occurredOnLabel: register.occurredOnLabel ?? `Date the ${register.entryLabel} happened`,
        ...(register.description ? { description: register.description } : {}),
        canLog,
        fields: fieldTitles(register),
        ...(canLog ? { schema: register.schema, ...(register.uiSchema ? { uiSchema: register.uiSchema } : {}) } : {}),
        entries,
      },
    ];
  });
}
