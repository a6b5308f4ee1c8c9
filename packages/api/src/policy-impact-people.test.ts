// The impact report beside the cases: what each role gains or loses, each
// form's question changes, and the drafts in progress a form change affects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";

import { configurePolicyWorker, getPolicyWorkerOptions } from "./services/worker/pool.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let admin: TestClient;
const { timeoutMs } = getPolicyWorkerOptions();

beforeAll(async () => {
  // This file is about the report, not the checker's time limit: on a busy shared machine a whole policy's
  // check can pass 10 seconds. Restored after (the worker's options are shared by the files of a worker).
  configurePolicyWorker({ timeoutMs: 60_000 });
  database = await openTestDatabase();
  world = await TestWorld.create(database, "impact-people");
  admin = await world.as("lincolnshire", "policy-administrator");
  // Two authorities provisioned from their real policies: slow on a busy machine.
}, 180_000);
afterAll(async () => {
  configurePolicyWorker({ timeoutMs });
  await database?.close();
});

/** Saves the draft with `edit` applied to its document, and returns the impact of publishing it. */
async function editAndImpact(id: string, edit: (doc: PolicyDocument) => void) {
  const { document, revision } = await admin.api.policy.get({ id });
  const next = structuredClone(document) as PolicyDocument;
  edit(next);
  await admin.api.policy.updateDraft({ id, revision, document: next });
  return admin.api.policy.impact({ id });
}

describe("the impact report says what changes for people", () => {
  it("lists role losses, the form's question changes and the school's draft in progress of that form", async () => {
    const { schools, policyVersionId } = world.tenants.lincolnshire;
    const head = await world.as("lincolnshire", "headteacher");
    const saved = await head.api.forms.save({
      formKey: "school-self-evaluation",
      schoolUrn: schools[0]!.urn,
      data: { completedBy: "A. Head" },
    });
    const draft = await admin.api.policy.createDraft({ from: "version", versionId: policyVersionId });

    const rolesOnly = await editAndImpact(draft.id, (doc) => {
      const headteacher = doc.roles.find((r) => r.key === "headteacher")!;
      headteacher.rules = headteacher.rules.filter((r) => r.subject !== "VisitReport");
    });
    expect(rolesOnly.permissions).toEqual([
      {
        role: "headteacher",
        roleLabel: "Headteacher",
        change: "lost",
        sentence: "Headteacher may no longer read Visit report (own school only, published only)",
      },
    ]);
    // No form changes yet: the draft in progress is not affected.
    expect(rolesOnly.forms).toEqual([]);
    expect(rolesOnly.drafts).toEqual([]);

    const withForm = await editAndImpact(draft.id, (doc) => {
      const form = doc.forms.find((f) => f.key === "school-self-evaluation")!;
      (form.schema as { properties: Record<string, unknown> }).properties.wellbeing = {
        type: "string",
        title: "Staff wellbeing",
      };
      // Asked last: a question the form's order leaves out would be a problem to fix first.
      (form.uiSchema as { "ui:order": string[] })["ui:order"].push("wellbeing");
    });
    expect(withForm.forms).toEqual([
      {
        form: "school-self-evaluation",
        title: "School self-evaluation",
        changes: ["question 'Staff wellbeing' added"],
        drafts: 1,
      },
    ]);
    expect(withForm.drafts).toEqual([
      {
        id: saved.id,
        urn: schools[0]!.urn,
        school: schools[0]!.name,
        form: "school-self-evaluation",
        formTitle: "School self-evaluation",
        lastSaved: saved.updatedAt,
        changes: 1,
      },
    ]);
    expect(withForm.permissions).toHaveLength(1);
    // Two saves of a whole policy, each validated, and three impacts: slow on a busy machine.
  }, 120_000);
});
