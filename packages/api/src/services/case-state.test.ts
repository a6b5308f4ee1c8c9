import { describe, expect, it } from "vitest";

import { readCaseState } from "./case-state.ts";

const stored = {
  id: "c1",
  version: 3,
  openedAt: "2026-09-01T09:00:00.000Z",
  status: "open",
  policyVersionId: "p1",
  school: { urn: 100, name: "Example Primary", governance: "maintained" },
  previousUrns: [],
  stage: "universal",
  stageSince: "2026-09-01",
  categoryHistory: [],
  assessments: [],
  stageHistory: [],
  visits: [],
  meetings: [],
  letters: [],
  priorities: [],
  actions: [],
};

describe("readCaseState", () => {
  it("returns a stored state as it is", () => {
    const current = { ...stored, registerEntries: [], tasks: [] };
    expect(readCaseState(current, "c1")).toEqual(current);
  });

  it("reads a state stored before registers existed as having no register entries", () => {
    expect(readCaseState(stored, "c1")).toEqual({ ...stored, registerEntries: [], tasks: [] });
  });

  it("reads a state stored before tasks existed as having no tasks", () => {
    expect(readCaseState({ ...stored, registerEntries: [] }, "c1").tasks).toEqual([]);
  });

  it("reads an assessment stored before assessments had dimensions as having none, and no choices", () => {
    const assessment = { id: "a1", recordedBy: "u1", selections: [], suggested: "high", explanation: [] };
    expect(readCaseState({ ...stored, assessments: [assessment] }, "c1").assessments).toEqual([
      { ...assessment, choices: [], dimensions: [] },
    ]);
  });

  it("rejects a damaged stored state, naming the case and the field", () => {
    expect(() => readCaseState({ ...stored, visits: "none" }, "c1")).toThrow(/Case c1's stored state.*visits/s);
    expect(() => readCaseState(null, "c2")).toThrow(/Case c2's stored state is not a case state/);
  });
});
