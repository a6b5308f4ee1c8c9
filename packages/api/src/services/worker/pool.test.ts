import { afterAll, describe, expect, it } from "vitest";

import { validatePolicy } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { containing } from "../../testing/matchers.ts";
import { closePolicyWorker, configurePolicyWorker, getPolicyWorkerOptions, runInPolicyWorker } from "./pool.ts";

afterAll(closePolicyWorker);

describe("the policy worker", () => {
  it("validates a document on a worker thread with the same result as in-process", async () => {
    const broken = structuredClone(cambridgeshire) as { categories: { cadence: { visitType: string }[] }[] };
    broken.categories[0]!.cadence[0]!.visitType = "no-such-visit";
    const result = await runInPolicyWorker({ kind: "validate", document: broken });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(validatePolicy(broken).problems);
  });

  it("stops a task that takes too long, says so, and keeps serving the next", async () => {
    const before = getPolicyWorkerOptions().timeoutMs;
    configurePolicyWorker({ timeoutMs: 500 });
    try {
      const started = Date.now();
      await expect(runInPolicyWorker({ kind: "spin" })).rejects.toMatchObject({
        code: "invalid",
        message: containing("This policy took too long to check"),
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      configurePolicyWorker({ timeoutMs: before });
    }
    expect((await runInPolicyWorker({ kind: "validate", document: cambridgeshire })).ok).toBe(true);
  });
});
