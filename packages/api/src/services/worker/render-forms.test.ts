import { afterAll, describe, expect, it } from "vitest";

import { parsePolicyDocument, type PolicyDocument } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };

import { checkPolicyForPublishing } from "../policy-checks.ts";
import { closePolicyWorker } from "./pool.ts";
import { findFormRenderProblems } from "./render-forms.ts";

afterAll(closePolicyWorker);

const policyOf = (json: unknown): PolicyDocument => parsePolicyDocument(structuredClone(json));

describe("drawing a policy's forms before it is published", () => {
  it("draws every form of both authorities' policies, each page and summary, with sample answers", async () => {
    expect(findFormRenderProblems(policyOf(cambridgeshire))).toEqual([]);
    expect((await checkPolicyForPublishing(lincolnshire)).problems.filter((p) => p.severity === "error")).toEqual([]);
    // The worker loads the forms theme on its first drawing: seconds on a busy machine.
  }, 120_000);

  it("names a form that would show its readers an error, at the form, as an error that stops publishing", () => {
    const policy = policyOf(lincolnshire);
    const index = policy.forms.findIndex((form) => form.key === "school-self-evaluation");
    const form = policy.forms[index];
    if (!form) throw new Error("Lincolnshire has no self-evaluation form.");
    form.uiSchema = { ...form.uiSchema, "ui:order": ["completedBy"] };
    expect(findFormRenderProblems(policy)).toEqual([
      {
        pointer: `/forms/${index}`,
        where: expect.stringContaining("School self-evaluation") as unknown,
        message: expect.stringMatching(
          /^Schools would see an error instead of the form "School self-evaluation": .*order list does not contain/,
        ) as unknown,
        severity: "error",
        code: "form.render",
      },
    ]);
  });
});
