import type { PolicyDocument } from "@steward/policy-config";
import policyJson from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };
import { it } from "vitest";
import { getVisitPlan } from "../case/visit-plan.ts";
import { toFacts } from "../rules/evaluate.ts";
import { CaseHarness } from "../testing/harness.ts";
import { getSuggestedTransitions } from "../case/decide.ts";

const policy = policyJson as unknown as PolicyDocument;
it("explore", () => {
  const h = new CaseHarness(policy, "2021-09-06T09:00:00Z", "lincs-2021");
  const hoss = ["hoss-1", [{ role: "head-of-school-standards" }]] as const;
  const ell = ["ell-1", [{ role: "education-locality-lead" }]] as const;
  h.run(...hoss, { type: "open-case", school: { urn: 120001, name: "Wolds Primary", phase: "primary", governance: "maintained" } });
  h.run(...hoss, { type: "assign-officer", officerId: "ell-1" });
  h.schoolData = toFacts({ "ofsted.overallEffectiveness": "requires-improvement" });
  h.run(...ell, { type: "record-assessment", selections: [] });
  console.log(JSON.stringify(h.state.assessments, null, 1));
  console.log(JSON.stringify(h.run(...ell, { type: "decide-category", category: "vulnerable", effectiveFrom: "2021-09-06" })));
  const plan = getVisitPlan(h.state, policy, "2021-09-06");
  for (const s of plan) console.log(s.visitType, s.opens, s.dueBy, s.label, s.status);
  console.log(getSuggestedTransitions(h.state, policy, "2021-09-06").map(t=>t.key));
});
