import type { WorkItem } from "@steward/ui";

/** The portal page where the school does a piece of work: the letter to acknowledge or answer. */
export function neededLink(item: WorkItem): string {
  return item.record.kind === "letter" && item.record.id ? `/letters/${item.record.id}` : "/";
}
