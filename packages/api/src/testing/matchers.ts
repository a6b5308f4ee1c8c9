// vitest's asymmetric matchers are typed `any`, which typed lint rightly refuses inside expected objects;
// these stand for the same matchers, typed as the value they match.
import { expect } from "vitest";

export const containing = (text: string): string => expect.stringContaining(text) as string;
export const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;
export const anyString = (): string => expect.any(String) as string;
