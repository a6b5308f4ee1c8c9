import type { WorkItem } from "@steward/ui";

/** The case page where a piece of work is done. */
export function workLink(item: WorkItem): string {
  const base = `/cases/${item.caseId}`;
  switch (item.record.kind) {
    case "letter":
      return item.record.id ? `${base}/letters/${item.record.id}` : `${base}/letters`;
    case "visit":
      return `${base}/visits`;
    case "assessment":
      return `${base}/assessment`;
    default:
      return base;
  }
}
