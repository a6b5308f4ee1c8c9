// The letters, the action plan and the showcase school's started form of a demo case: for the schools of most
// concern, and the showcase school.
import { insertFormResponse, type User } from "@steward/db";
import { addDays, isApplicable, type CaseCommand } from "@steward/domain";
import type { LetterType } from "@steward/policy-config";

import type { DemoCase } from "./casework.ts";
import { sampleFromSchema } from "./sample-data.ts";
import { itemAt, type DemoWorld } from "./world.ts";

type LetterPeople = Extract<CaseCommand, { type: "draft-letter" }>["people"];

/** A notice where one applies; otherwise a letter written for this kind of school (an academy's concerns letter); the showcase school gets a letter needing approval. */
function chooseLetterType(w: DemoWorld, c: DemoCase): LetterType | undefined {
  const profile = { governance: c.school.governance, phase: c.school.phase ?? undefined };
  const letterTypes = w.policy.letterTypes.filter(
    (l) => l.minimumIndicators <= l.indicators.length && isApplicable(l.applicability, profile),
  );
  if (c.isShowcase) return letterTypes.find((l) => l.kind === "letter" && l.approvalRequired) ?? letterTypes[0];
  return letterTypes.find((l) => l.kind === "notice") ?? letterTypes.find((l) => l.applicability?.governance);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value);

/** Approves (when the type asks for it, by someone other than the drafter) and issues a drafted letter. */
async function approveAndIssue(
  w: DemoWorld,
  c: DemoCase,
  letter: { id: string; type: LetterType; drafter: User; people: LetterPeople },
) {
  const { today } = w;
  let status = "draft";
  const approver = w.holders(letter.type.permissions.approve).find((u) => u.id !== letter.drafter.id);
  if (letter.type.approvalRequired && approver) {
    w.at(addDays(today, -8), 10);
    const approved = await w.run(approver, c.caseId, { type: "approve-letter", letterId: letter.id });
    status = itemAt(approved.letters, -1, "the letter just approved").status;
  }
  const issuer = w.holders(letter.type.permissions.issue)[0];
  if (issuer && (!letter.type.approvalRequired || status === "approved")) {
    w.at(addDays(today, -7), 10);
    await w.run(issuer, c.caseId, {
      type: "issue-letter",
      letterId: letter.id,
      people: { ...letter.people, officer: { name: issuer.display_name } },
    });
  }
}

/** Letters and notices: for the schools of most concern, and the showcase school; a few left as drafts. */
export async function seedLetters(w: DemoWorld, c: DemoCase): Promise<void> {
  const last = w.categories.length - 1;
  const concerned = (c.severity >= last && c.i % 2 === 0) || (c.severity === last - 1 && c.i % 3 === 0);
  if (!c.isShowcase && !concerned) return;
  const letterType = chooseLetterType(w, c);
  const drafter = letterType && w.holders(letterType.permissions.draft)[0];
  if (!letterType || !drafter) return;
  w.at(addDays(w.today, -9), 10);
  const indicators = letterType.indicators
    .slice(0, Math.max(1, letterType.minimumIndicators))
    .map((x) => ({ key: x.key, evidence: `Seen at the visits this term (${c.school.name}).` }));
  const people = {
    officer: { name: drafter.display_name },
    recipient: { name: "The Chair of Governors", role: "Chair of Governors" },
  };
  // The details the type asks the drafting officer for (a compliance period, a date), filled as the form would be.
  const parameters = letterType.parameters
    ? sampleFromSchema(letterType.parameters.schema, {
        date: addDays(w.today, 14),
        // A paragraph the template merges into a sentence of its own, so it does not repeat the field's title.
        text: () => "The steps set out to the governing body at this term's meeting.",
      })
    : undefined;
  const drafted = await w.run(drafter, c.caseId, {
    type: "draft-letter",
    letterType: letterType.key,
    ...(isRecord(parameters) ? { parameters } : {}),
    indicators,
    actions: [{ text: "Send the LA an updated school improvement plan", due: addDays(w.today, 20) }],
    people,
  });
  const letter = itemAt(drafted.letters, -1, "the letter just drafted");
  const leaveDraft = !c.isShowcase && c.i % 4 === 0;
  if (!leaveDraft) await approveAndIssue(w, c, { id: letter.id, type: letterType, drafter, people });
}

/** An action plan for the schools of most concern, and the showcase school. */
export async function seedActionPlan(w: DemoWorld, c: DemoCase): Promise<void> {
  if (c.severity < w.categories.length - 1 && !c.isShowcase) return;
  const from = w.yearStart;
  w.at(addDays(from, 14), 12);
  const state = await w.run(w.lead, c.caseId, {
    type: "add-priority",
    title: "Improve the quality of education in reading",
    targets: ["Phonics screening at national average by July", "Every pupil reads daily to an adult"],
  });
  const priority = itemAt(state.priorities, -1, "the priority just added");
  await w.run(w.lead, c.caseId, {
    type: "add-action",
    priorityId: priority.id,
    text: "Train all key stage 1 staff in the school's phonics scheme",
    owner: "Headteacher",
    due: addDays(from, 60),
  });
  await w.run(w.lead, c.caseId, {
    type: "add-action",
    priorityId: priority.id,
    text: "Governors' standards committee reviews reading data each half-term",
    owner: "Chair of governors",
    due: addDays(from, 90),
  });
}

/** The showcase school's headteacher has started the school's form (a draft response, nothing answered yet). */
export async function seedShowcaseForm(w: DemoWorld, c: DemoCase): Promise<void> {
  if (!c.isShowcase) return;
  const form = w.policy.forms.find((f) => f.audience === "school");
  const head = w.users.find((u) => u.grants.some((g) => g.schoolUrn === w.showcase.urn));
  if (!form || !head) return;
  await insertFormResponse(w.trx, w.tenant.id, {
    formKey: form.key,
    schoolUrn: w.showcase.urn,
    caseId: c.caseId,
    policyVersionId: w.loaded.id,
    data: {},
    page: 0,
    userId: head.id,
  });
}
