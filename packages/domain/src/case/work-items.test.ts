import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { CaseHarness } from "../testing/harness.ts";
import { getSuggestedTransitions } from "./transitions.ts";
import { rolesAllowedTo, workItemsOf, type WorkItem } from "./work-items.ts";

const adviser = ["adviser-1", [{ role: "adviser" }]] as const;
const senior = ["senior-1", [{ role: "senior-officer" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: 100001 }]] as const;
const school = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" as const };
const people = { officer: { name: "Ada Adviser" }, recipient: { name: "Carl Chair", role: "Chair of governors" } };

function policy(): PolicyDocument {
  const p = createMinimalPolicy();
  const adviserRole = p.roles.find((r) => r.key === "adviser");
  if (adviserRole)
    adviserRole.rules = [
      {
        action: ["read", "create", "record", "schedule", "draft", "categorise"],
        subject: ["Case", "Assessment", "Visit", "VisitReport", "Meeting", "Letter", "Action"],
      },
      { action: "publish", subject: "VisitReport" },
    ];
  const headRole = p.roles.find((r) => r.key === "headteacher");
  if (headRole)
    headRole.rules = [
      { action: "read", subject: ["Case", "Letter", "VisitReport"], conditions: { schoolUrn: "${user.schoolUrn}" } },
      { action: "acknowledge", subject: "Letter", conditions: { schoolUrn: "${user.schoolUrn}", status: "issued" } },
    ];
  const [universal] = p.escalation.stages;
  if (universal)
    universal.followUps = [
      { key: "welcome", kind: "task", label: "Meet the headteacher", within: { amount: 5, unit: "working-days" } },
      { key: "plan", kind: "task", label: "Agree a support plan", roles: ["adviser"] },
    ];
  return p;
}

function openCase() {
  const h = new CaseHarness(policy(), "2025-09-08T09:00:00Z");
  h.run(...senior, { type: "open-case", school });
  return h;
}

const items = (h: CaseHarness, today = h.now.toISOString().slice(0, 10)) => workItemsOf(h.state, h.policy, today);
const ofKind = (list: WorkItem[], kind: WorkItem["kind"]) => list.filter((i) => i.kind === kind);

describe("workItemsOf", () => {
  it("lists the open follow-ups: for their own roles, else the officer or, with none, those who assign cases", () => {
    const h = openCase();
    const followUps = ofKind(items(h), "follow-up");
    expect(followUps.map((i) => [i.label, i.assigneeUserId, i.assigneeRoles, i.due, i.audience])).toEqual([
      ["Meet the headteacher", undefined, ["senior-officer"], "2025-09-15", "la"],
      ["Agree a support plan", undefined, ["adviser"], undefined, "la"],
    ]);
    h.run(...senior, { type: "assign-officer", officerId: "adviser-1" });
    expect(ofKind(items(h), "follow-up")[0]).toMatchObject({ assigneeUserId: "adviser-1", assigneeRoles: [] });
    const taskId = h.state.tasks[0]?.id ?? "";
    expect(ofKind(items(h), "follow-up")[0]?.key).toBe(`follow-up:${taskId}`);
    h.run(...senior, { type: "complete-task", taskId });
    expect(ofKind(items(h), "follow-up").map((i) => i.label)).toEqual(["Agree a support plan"]);
  });

  it("lists a category decision waiting for moderation for the moderators, until it is moderated", () => {
    const h = openCase();
    h.run(...adviser, { type: "decide-category", category: "high", effectiveFrom: "2025-09-08" });
    expect(ofKind(items(h), "category-moderation")).toEqual([
      expect.objectContaining({
        label: "Moderate the category decision: High support",
        assigneeRoles: ["senior-officer"],
      }),
    ]);
    h.run(...senior, { type: "moderate-category", outcome: "confirmed" });
    expect(ofKind(items(h), "category-moderation")).toEqual([]);
  });

  it("lists the visits the category's plan has due, for the officer, until one is recorded", () => {
    const h = openCase();
    h.run(...senior, { type: "assign-officer", officerId: "adviser-1" });
    h.run(...adviser, { type: "decide-category", category: "low", effectiveFrom: "2025-09-08" });
    h.run(...senior, { type: "moderate-category", outcome: "confirmed" });
    const due = ofKind(items(h, "2025-10-01"), "visit-due");
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ label: "Visit the school: Core visit", assigneeUserId: "adviser-1" });
    h.at("2025-10-01").run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-01" });
    const visitId = h.state.visits[0]?.id ?? "";
    h.run(...adviser, { type: "record-visit", visitId, data: { summary: "Good progress" }, concerns: false });
    expect(ofKind(items(h, "2025-10-02"), "visit-due")).toEqual([]);
    // The recorded report waits to be published to the school, by the officer who wrote it.
    expect(ofKind(items(h, "2025-10-02"), "report-publication")).toEqual([
      expect.objectContaining({
        label: "Publish the report of the Core visit on 1 October 2025 to the school",
        assigneeUserId: "adviser-1",
        record: { kind: "visit", id: visitId },
      }),
    ]);
    h.run(...adviser, { type: "publish-visit-report", visitId });
    expect(ofKind(items(h, "2025-10-02"), "report-publication")).toEqual([]);
  });

  it("lists a letter for its approvers, then its issuers' no more once issued, then the school's acknowledgement", () => {
    const h = openCase();
    h.run(...adviser, {
      type: "draft-letter",
      letterType: "warning-notice",
      indicators: [{ key: "low-standards", evidence: "KS2 results <30%" }],
      people,
    });
    const letterId = h.state.letters[0]?.id ?? "";
    expect(ofKind(items(h), "letter-approval")).toEqual([
      expect.objectContaining({
        key: `letter-approval:${letterId}`,
        assigneeRoles: ["senior-officer"],
        audience: "la",
      }),
    ]);
    h.run(...senior, { type: "approve-letter", letterId });
    expect(ofKind(items(h), "letter-approval")).toEqual([]);
    expect(ofKind(items(h), "letter-issue")).toHaveLength(1);
    h.at("2025-12-17").run(...senior, { type: "issue-letter", letterId, people });
    expect(ofKind(items(h), "letter-issue")).toEqual([]);
    // The school roles that may acknowledge a letter owe it, by the letter's deadline.
    const ack = ofKind(items(h), "letter-acknowledgement");
    expect(ack).toEqual([
      expect.objectContaining({ audience: "school", assigneeRoles: ["headteacher", "chair-of-governors"] }),
    ]);
    expect(ack[0]?.due).toBe(h.state.letters[0]?.deadline);
    h.run(...head, { type: "acknowledge-letter", letterId });
    expect(ofKind(items(h), "letter-acknowledgement")).toEqual([]);
  });

  it("has no work on a closed case, and keys that do not change when the list is worked out again", () => {
    const h = openCase();
    expect(items(h).map((i) => i.key)).toEqual(items(h).map((i) => i.key));
    h.run(...senior, { type: "close-case", reason: "The school has improved" });
    expect(items(h)).toEqual([]);
  });

  it("reads who may do what from the roles' rules (manage and all included, inverted rules not)", () => {
    const p = policy();
    expect(rolesAllowedTo(p, "la", "moderate", "Case")).toEqual(["senior-officer"]);
    expect(rolesAllowedTo(p, "school", "acknowledge", "Letter")).toEqual(["headteacher", "chair-of-governors"]);
    expect(rolesAllowedTo(p, "school", "moderate", "Case")).toEqual([]);
  });

  it("lists a suggested move that holds for the case's officer, and drops it once the case has moved", () => {
    const h = openCase();
    h.run(...senior, { type: "assign-officer", officerId: "adviser-1" });
    h.run(...senior, { type: "change-stage", stage: "notice", reason: "Serious concerns" });
    // The policy's rule for the move does not hold yet (no strong progress counted): no item.
    expect(getSuggestedTransitions(h.state, h.policy, "2025-09-08")).toEqual([]);
    expect(ofKind(items(h), "suggested-move")).toEqual([]);
    const [removed] = h.policy.escalation.transitions;
    if (!removed) throw new Error("The fixture has a suggested transition.");
    const suggested = workItemsOf(h.state, h.policy, "2025-09-08", [removed]);
    expect(ofKind(suggested, "suggested-move")).toEqual([
      {
        key: "suggested-move:notice:notice-removed",
        kind: "suggested-move",
        label: "Consider the move to Universal: Notice removed after strong progress",
        assigneeUserId: "adviser-1",
        assigneeRoles: [],
        audience: "la",
        record: { kind: "case" },
      },
    ]);
    h.run(...senior, { type: "close-case", reason: "The school closed" });
    expect(workItemsOf(h.state, h.policy, "2025-09-08", [removed])).toEqual([]);
  });
});
