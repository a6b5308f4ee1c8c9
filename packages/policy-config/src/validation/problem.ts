import { fieldOf } from "../json.ts";

/** One thing wrong with a policy document, said so a policy administrator can fix it. */
export interface Problem {
  /** JSON pointer (RFC 6901) to the value concerned, e.g. `/categories/2/cadence/0/visitType`. */
  pointer: string;
  /** Where that is, in words: `Categories › High level of support › Visits › 1 › Visit type`. */
  where: string;
  /** What is wrong and, where it helps, what to do. */
  message: string;
  /** `error` stops a version being published; `warning` is worth a look but does not. */
  severity: "error" | "warning";
  /** A stable code for the kind of problem, for tools and tests. */
  code: string;
}

/** Escapes one segment of a JSON pointer. */
function escapePointerSegment(segment: string | number): string {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.length === 0 ? "" : `/${segments.map(escapePointerSegment).join("/")}`;
}

export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

const SECTION_TITLES: Record<string, string> = {
  formatVersion: "Format version",
  authority: "Authority",
  strategy: "Strategy",
  calendar: "Calendar",
  areas: "Judgement areas",
  assessment: "Assessment",
  categories: "Categories",
  criteria: "Criteria",
  triggers: "Triggers",
  visitTypes: "Visit types",
  meetingTypes: "Meeting types",
  letterTypes: "Letters and notices",
  escalation: "Escalation",
  forms: "Forms",
  roles: "Roles",
  offers: "Offers",
};

/** Turns `visitType` or `halfTerms` into `Visit type`, `Half terms`. */
function humanise(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Describes a pointer in words, naming array items by their label (or key)
 * where the document has one: `Categories › High level of support › Visits › 1`.
 */
export function describePointer(document: unknown, pointer: string): string {
  const parts: string[] = [];
  let node: unknown = document;
  for (const [index, segment] of parsePointer(pointer).entries()) {
    const next = fieldOf(node, segment);
    if (Array.isArray(node)) {
      const name = fieldOf(next, "label") ?? fieldOf(next, "title") ?? fieldOf(next, "key") ?? fieldOf(next, "text");
      parts.push(typeof name === "string" && name.length <= 80 ? name : `item ${Number(segment) + 1}`);
    } else {
      parts.push(index === 0 ? (SECTION_TITLES[segment] ?? humanise(segment)) : humanise(segment));
    }
    node = next;
  }
  return parts.length === 0 ? "The document" : parts.join(" › ");
}
