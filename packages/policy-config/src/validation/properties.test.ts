import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { validatePolicy } from "./index.ts";
import { parsePointer } from "./problem.ts";

type Node = Record<string, unknown> | unknown[];

/** Every place in the document that names another part of it by key. */
function referencePointers(policy: PolicyDocument): string[] {
  const pointers: string[] = ["/escalation/initialStage"];
  policy.categories.forEach((c, i) => {
    c.cadence.forEach((_, j) => pointers.push(`/categories/${i}/cadence/${j}/visitType`));
    c.requiredMeetings.forEach((_, j) => pointers.push(`/categories/${i}/requiredMeetings/${j}/meetingType`));
  });
  policy.criteria.forEach((_, i) => pointers.push(`/criteria/${i}/area`, `/criteria/${i}/category`));
  policy.triggers.forEach((t, i) => {
    if (t.suggests.category) pointers.push(`/triggers/${i}/suggests/category`);
    if (t.suggests.letterType) pointers.push(`/triggers/${i}/suggests/letterType`);
  });
  policy.visitTypes.forEach((v, i) => {
    v.ledBy.forEach((_, j) => pointers.push(`/visitTypes/${i}/ledBy/${j}`));
    if (v.reportForm) pointers.push(`/visitTypes/${i}/reportForm`);
  });
  policy.meetingTypes.forEach((m, i) =>
    m.attendees.forEach((a, j) => a.role && pointers.push(`/meetingTypes/${i}/attendees/${j}/role`)),
  );
  policy.letterTypes.forEach((l, i) => {
    l.recipients.forEach((r, j) => r.role && pointers.push(`/letterTypes/${i}/recipients/${j}/role`));
    l.permissions.issue.forEach((_, j) => pointers.push(`/letterTypes/${i}/permissions/issue/${j}`));
    if (l.effect?.stage) pointers.push(`/letterTypes/${i}/effect/stage`);
  });
  policy.escalation.transitions.forEach((t, i) => {
    pointers.push(`/escalation/transitions/${i}/to`);
    t.from.forEach((f, j) => f !== "*" && pointers.push(`/escalation/transitions/${i}/from/${j}`));
  });
  return pointers;
}

function setAt(document: unknown, pointer: string, value: unknown): void {
  const segments = parsePointer(pointer);
  const last = segments.pop()!;
  const parent = segments.reduce<unknown>((node, s) => (node as Record<string, unknown>)[s], document) as Record<
    string,
    unknown
  >;
  parent[last] = value;
}

/** Every pointer to a value in the document, for random mutations. */
function allPointers(node: unknown, prefix = ""): string[] {
  if (!node || typeof node !== "object") return [];
  return Object.entries(node as Node).flatMap(([key, child]) => {
    const pointer = `${prefix}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    return [pointer, ...allPointers(child, pointer)];
  });
}

const base = createMinimalPolicy();
const references = referencePointers(base);
const everything = allPointers(base);
const key = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}$/);

describe("the validator under random mutation", () => {
  it("never passes a policy with a broken reference, and points at it", () => {
    const existing = new Set(
      everything.map((p) => String(parsePointer(p).reduce<unknown>((n, s) => (n as Record<string, unknown>)[s], base))),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: references.length - 1 }), key, (index, newKey) => {
        fc.pre(!existing.has(newKey));
        const policy = createMinimalPolicy();
        const pointer = references[index]!;
        setAt(policy, pointer, newKey);
        const result = validatePolicy(policy);
        expect(result.ok).toBe(false);
        expect(result.problems.some((p) => p.pointer === pointer && p.severity === "error")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, whatever value replaces whatever part", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: everything.length - 1 }), fc.jsonValue(), (index, value) => {
        const policy = createMinimalPolicy();
        setAt(policy, everything[index]!, value);
        const result = validatePolicy(policy);
        expect(Array.isArray(result.problems)).toBe(true);
        for (const problem of result.problems) {
          expect(typeof problem.message).toBe("string");
          expect(problem.pointer === "" || problem.pointer.startsWith("/")).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never throws when parts are deleted", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: everything.length - 1 }), { maxLength: 5 }), (indexes) => {
        const policy = createMinimalPolicy() as unknown as Record<string, unknown>;
        for (const index of indexes) {
          const segments = parsePointer(everything[index]!);
          const last = segments.pop()!;
          const parent = segments.reduce<unknown>(
            (n, s) => (n && typeof n === "object" ? (n as Record<string, unknown>)[s] : undefined),
            policy,
          );
          if (parent && typeof parent === "object") delete (parent as Record<string, unknown>)[last];
        }
        expect(() => validatePolicy(policy)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
