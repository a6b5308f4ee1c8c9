import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { FollowUp, PolicyDocument } from "../schema/policy.ts";
import { validatePolicy } from "./index.ts";

const NOTICE = "/escalation/stages/1";

/** The minimal policy with these follow-ups on its second stage. */
function withFollowUps(...followUps: FollowUp[]): PolicyDocument {
  const policy = createMinimalPolicy();
  const stage = policy.escalation.stages[1];
  if (!stage) throw new Error("The minimal policy has two stages.");
  stage.followUps = followUps;
  return policy;
}

function problemsAt(policy: PolicyDocument, pointer: string): string[] {
  return validatePolicy(policy)
    .problems.filter((p) => p.pointer === pointer && p.severity === "error")
    .map((p) => p.message);
}

describe("a stage's follow-ups", () => {
  it("accepts one of each kind with what it names", () => {
    const policy = withFollowUps(
      {
        key: "visit",
        kind: "visit",
        label: "Visit",
        visitType: "core-visit",
        within: { amount: 10, unit: "working-days" },
      },
      { key: "letter", kind: "letter", label: "Draft the notice", letterType: "warning-notice", roles: ["adviser"] },
      { key: "meeting", kind: "meeting", label: "Hold a review group", meetingType: "review-group" },
      { key: "tell", kind: "notify", label: "Tell the head", notify: [{ role: "headteacher" }, { label: "The RSC" }] },
      { key: "other", kind: "task", label: "Update the risk register" },
    );
    expect(validatePolicy(policy).problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("refuses a key used twice in one stage", () => {
    const policy = withFollowUps(
      { key: "same", kind: "task", label: "One" },
      { key: "same", kind: "task", label: "Two" },
    );
    expect(problemsAt(policy, `${NOTICE}/followUps/1/key`).join()).toMatch(
      /"same" is already used by follow-up 1: each follow-up needs its own key/,
    );
  });

  it.each([
    ["visit", /A visit follow-up needs "visitType": the type of visit to schedule/],
    ["letter", /A letter follow-up needs "letterType": the type of letter to draft/],
    ["meeting", /A meeting follow-up needs "meetingType": the type of meeting to hold/],
    ["notify", /A notify follow-up needs "notify": whom to tell/],
  ] as const)("refuses a %s follow-up without what it names", (kind, message) => {
    const policy = withFollowUps({ key: "f", kind, label: "Do it" });
    expect(problemsAt(policy, `${NOTICE}/followUps/0`).join()).toMatch(message);
  });

  it("refuses a field that does not belong to the kind", () => {
    const policy = withFollowUps(
      { key: "v", kind: "visit", label: "Visit", visitType: "core-visit", letterType: "warning-notice" },
      { key: "t", kind: "task", label: "Task", meetingType: "review-group" },
    );
    expect(problemsAt(policy, `${NOTICE}/followUps/0/letterType`).join()).toMatch(
      /A visit follow-up has no "letterType": it names only "visitType"/,
    );
    expect(problemsAt(policy, `${NOTICE}/followUps/1/meetingType`).join()).toMatch(
      /A task follow-up has no "meetingType": a task names no visit, letter, meeting or people/,
    );
  });

  it("refuses types, people and roles the policy does not have", () => {
    const policy = withFollowUps(
      { key: "v", kind: "visit", label: "Visit", visitType: "deep-dive" },
      { key: "l", kind: "letter", label: "Letter", letterType: "final-notice" },
      { key: "m", kind: "meeting", label: "Meeting", meetingType: "board" },
      { key: "n", kind: "notify", label: "Tell", notify: [{ role: "bishop" }] },
      { key: "r", kind: "task", label: "Task", roles: ["headteacher", "nobody"] },
    );
    expect(problemsAt(policy, `${NOTICE}/followUps/0/visitType`).join()).toMatch(/There is no visit type "deep-dive"/);
    expect(problemsAt(policy, `${NOTICE}/followUps/1/letterType`).join()).toMatch(
      /There is no letter type "final-notice"/,
    );
    expect(problemsAt(policy, `${NOTICE}/followUps/2/meetingType`).join()).toMatch(/There is no meeting type "board"/);
    expect(problemsAt(policy, `${NOTICE}/followUps/3/notify/0/role`).join()).toMatch(/There is no role "bishop"/);
    expect(problemsAt(policy, `${NOTICE}/followUps/4/roles/0`).join()).toMatch(/"headteacher" is a school role/);
    expect(problemsAt(policy, `${NOTICE}/followUps/4/roles/1`).join()).toMatch(/There is no role "nobody"/);
  });
});
