/**
 * Breaking a policy document in ways its type forbids, for tests of the
 * validator: set or delete the value at a JSON pointer, without `any`.
 */
import { expect } from "vitest";

import { parsePointer } from "../validation/problem.ts";

function parentOf(document: unknown, pointer: string): { parent: object; key: string } {
  const segments = parsePointer(pointer);
  const key = segments.pop();
  let node: unknown = document;
  for (const segment of segments) {
    if (node === null || typeof node !== "object") throw new Error(`Nothing at ${pointer} to break.`);
    node = Reflect.get(node, segment) as unknown;
  }
  if (key === undefined || node === null || typeof node !== "object")
    throw new Error(`Nothing at ${pointer} to break.`);
  return { parent: node, key };
}

/** Sets the value at `pointer` (its parent must exist). */
export function setAt(document: unknown, pointer: string, value: unknown): void {
  const { parent, key } = parentOf(document, pointer);
  Reflect.set(parent, key, value);
}

/** Deletes the value at `pointer`. */
export function deleteAt(document: unknown, pointer: string): void {
  const { parent, key } = parentOf(document, pointer);
  Reflect.deleteProperty(parent, key);
}

/** vitest types its asymmetric matchers `any`: this one stands for a string matching `pattern`. */
export function textMatching(pattern: RegExp): string {
  return expect.stringMatching(pattern) as string;
}
