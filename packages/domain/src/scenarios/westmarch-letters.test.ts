// Westmarch's letters (a made-up authority): a warning notice whose compliance
// period the drafting officer sets (and so its deadline), copied to the
// diocesan authority for a church school only, answered by the governing
// body's action plan; and a letter of concern whose deadline is the meeting
// date the officer sets. No letter type is named in the engine: the policy
// document says all of it.
import { describe, expect, it } from "vitest";

import { parsePolicyDocument } from "@steward/policy-config";
import westmarchJson from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };

import { letterAwaitingResponse, letterResponseStatus } from "../case/letters.ts";
import type { LetterRecord } from "../case/state.ts";
import type { DomainError } from "../errors.ts";
import { CaseHarness } from "../testing/harness.ts";

const policy = parsePolicyDocument(westmarchJson);
const URN = 991001;
const school = { urn: URN, name: "St Aidan's CE Primary School", phase: "primary", governance: "maintained" as const };

const adviser = ["ca-1", [{ role: "challenge-adviser" }]] as const;
const service = ["hos-1", [{ role: "head-of-service" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: URN }]] as const;
const people = {
  officer: { name: "Robin Adviser", jobTitle: "Challenge adviser" },
  recipient: { name: "Sam Chair", role: "Chair of governors" },
};

const warningNotice = (parameters: Record<string, unknown>) => ({
  type: "draft-letter" as const,
  letterType: "warning-notice",
  indicators: [{ key: "standards", evidence: "Outcomes 18 points below national for three years." }],
  actions: [{ text: "Appoint a maths lead", due: "2027-01-15" }],
  parameters,
  people,
});

const period = (compliancePeriod: unknown) => ({
  compliancePeriod,
  mindedTo: "Appoint additional governors to the governing body.",
});

function openCase(diocese: string | undefined, start = "2026-11-20") {
  const h = new CaseHarness(policy, `${start}T09:00:00Z`);
  if (diocese) h.schoolData = { school: { diocese } };
  h.run(...service, { type: "open-case", school });
  return h;
}

function lastLetter(h: CaseHarness): LetterRecord {
  const letter = h.state.letters.at(-1);
  if (!letter) throw new Error("No letter drafted.");
  return letter;
}

/** Drafts, approves and issues a warning notice on the day given. */
function issueNotice(h: CaseHarness, on: string, compliancePeriod = 15): LetterRecord {
  h.run(...adviser, warningNotice(period(compliancePeriod)));
  const { id } = lastLetter(h);
  h.run(...service, { type: "approve-letter", letterId: id });
  h.at(on).run(...service, { type: "issue-letter", letterId: id, people });
  return lastLetter(h);
}

/** A refusal with these fields and a message matching `message`. */
function expectRefusal(error: DomainError, fields: Partial<DomainError>, message: RegExp): void {
  expect(error).toMatchObject(fields);
  expect(error.message).toMatch(message);
}

describe("Westmarch's warning notice: what the drafting officer fills in", () => {
  it("refuses a compliance period outside 10 to 30 working days, at its field, and drafts nothing", () => {
    const h = openCase(undefined);
    const error = h.refuse(...adviser, warningNotice(period(45)));
    expect(error).toMatchObject({
      code: "invalid",
      pointer: "/parameters/compliancePeriod",
      message:
        "The Warning notice's details are not complete (Compliance period (working days)): Must be 30 or less (it is 45).",
    });
    expect(h.state.letters).toEqual([]);
  });

  it("refuses a period that is not a whole number, and a missing required paragraph", () => {
    const h = openCase(undefined);
    expectRefusal(
      h.refuse(...adviser, warningNotice(period(12.5))),
      { pointer: "/parameters/compliancePeriod" },
      /Must be a whole number/,
    );
    expectRefusal(
      h.refuse(...adviser, warningNotice({ compliancePeriod: 15 })),
      {
        pointer: "/parameters/mindedTo",
      },
      /"mindedTo" is missing: it is required here\.$/,
    );
  });

  it("refuses a detail the letter type does not ask for", () => {
    const h = openCase(undefined);
    expectRefusal(
      h.refuse(...adviser, warningNotice({ ...period(15), budget: "suspend" })),
      { code: "invalid", pointer: "/parameters/budget" },
      /"budget" is not one of a Warning notice's details/,
    );
  });

  it("keeps the parameters on the draft and merges them into its text", () => {
    const h = openCase(undefined);
    h.run(...adviser, warningNotice(period(15)));
    const letter = lastLetter(h);
    expect(letter.parameters).toEqual(period(15));
    expect(letter.html).toContain("within 15 working days");
    expect(letter.html).toContain("minded to take this action: Appoint additional governors to the governing body.");
  });
});

describe("Westmarch's warning notice: its deadline and the action plan it asks for", () => {
  it("is due the number of working days the officer set after the day of issue", () => {
    const h = openCase(undefined);
    // Tuesday 24 November 2026 + 15 working days = Tuesday 15 December 2026.
    const letter = issueNotice(h, "2026-11-24", 15);
    expect(letter.deadline).toBe("2026-12-15");
    expect(letter.html).toContain("by 15 December 2026");
    const shorter = issueNotice(openCase(undefined), "2026-11-24", 10);
    expect(shorter.deadline).toBe("2026-12-08");
  });

  it("awaits the action plan by the deadline, overdue after it, received when the school submits it", () => {
    const h = openCase(undefined);
    const letter = issueNotice(h, "2026-11-24");
    expect(letter.response).toEqual({
      form: "action-plan",
      label: "Action plan",
      due: "2026-12-15",
      status: "awaited",
    });
    if (!letter.response) throw new Error("no response");
    expect(letterResponseStatus(letter.response, "2026-12-15")).toBe("awaited");
    expect(letterResponseStatus(letter.response, "2026-12-16")).toBe("overdue");
    expect(letterAwaitingResponse(h.state, "action-plan")?.id).toBe(letter.id);

    h.at("2026-12-10").run(...head, {
      type: "record-letter-response",
      letterId: letter.id,
      form: "action-plan",
      responseId: "response-1",
    });
    const received = lastLetter(h).response;
    expect(received).toMatchObject({ status: "received", responseId: "response-1", receivedOn: "2026-12-10" });
    if (!received) throw new Error("no response");
    expect(letterResponseStatus(received, "2027-01-30")).toBe("received");
    expect(letterAwaitingResponse(h.state, "action-plan")).toBeUndefined();
    expect(
      h.refuse(...head, { type: "record-letter-response", letterId: letter.id, form: "action-plan", responseId: "r2" }),
    ).toMatchObject({ code: "conflict", message: "This letter's response has already been received." });
  });

  it("takes no response to a form the letter does not ask for, nor from another school's staff", () => {
    const h = openCase(undefined);
    const letter = issueNotice(h, "2026-11-24");
    expect(
      h.refuse(...head, {
        type: "record-letter-response",
        letterId: letter.id,
        form: "self-evaluation",
        responseId: "r",
      }),
    ).toMatchObject({ code: "conflict", pointer: "/form" });
    const stranger = ["head-2", [{ role: "headteacher", schoolUrn: 991999 }]] as const;
    expect(
      h.refuse(...stranger, {
        type: "record-letter-response",
        letterId: letter.id,
        form: "action-plan",
        responseId: "r",
      }),
    ).toMatchObject({ code: "forbidden" });
  });
});

describe("Westmarch's copy to the diocesan authority", () => {
  it("goes with the letters of a church school", () => {
    const h = openCase("Diocese of Westmarch");
    const letter = issueNotice(h, "2026-11-24");
    expect(letter.recipients).toEqual([
      { name: "Chair of governors", role: "chair-of-governors", copy: false },
      { name: "Headteacher", role: "headteacher", copy: true },
      { name: "Clerk to governors", role: "clerk-to-governors", copy: true },
      { name: "The diocesan authority", copy: true },
    ]);
  });

  it("may rest on the school's indicators too: a copy to the partner school while a formal partnership holds", () => {
    const partnered = structuredClone(policy);
    const notice = partnered.letterTypes.find((l) => l.key === "warning-notice");
    notice?.recipients.push({
      label: "The partner school's headteacher",
      copy: true,
      when: { "==": [{ var: "indicators.formal-partnership" }, true] },
    });
    const copies = (partnership: boolean | undefined) => {
      const h = new CaseHarness(partnered, "2026-11-20T09:00:00Z");
      if (partnership !== undefined)
        h.readings = [{ indicator: "formal-partnership", value: partnership, asAt: "2026-11-02" }];
      h.run(...service, { type: "open-case", school });
      return issueNotice(h, "2026-11-24").recipients?.map((r) => r.name);
    };
    expect(copies(true)).toContain("The partner school's headteacher");
    expect(copies(false)).not.toContain("The partner school's headteacher");
    expect(copies(undefined)).not.toContain("The partner school's headteacher");
  });

  it("is left out for a school with no diocese", () => {
    const h = openCase(undefined);
    const letter = issueNotice(h, "2026-11-24");
    expect(letter.recipients?.map((r) => r.name)).toEqual(["Chair of governors", "Headteacher", "Clerk to governors"]);
  });
});

describe("Westmarch's letter of concern: the meeting date is its deadline", () => {
  const concern = (meetingDate: string) => ({
    type: "draft-letter" as const,
    letterType: "letter-of-concern",
    indicators: [{ key: "data", evidence: "Persistent absence 27%." }],
    parameters: { meetingDate },
    people,
  });

  it("is due on the date the officer set, written as a letter writes it", () => {
    const h = openCase(undefined);
    h.run(...adviser, concern("2026-12-15"));
    const { id } = lastLetter(h);
    h.at("2026-11-24").run(...adviser, { type: "issue-letter", letterId: id, people });
    const letter = lastLetter(h);
    expect(letter.deadline).toBe("2026-12-15");
    expect(letter.html).toContain("Please meet us on 15 December 2026.");
  });

  it("refuses to issue when the meeting date is before the day of issue", () => {
    const h = openCase(undefined);
    h.run(...adviser, concern("2026-11-23"));
    const { id } = lastLetter(h);
    expectRefusal(
      h.at("2026-11-24").refuse(...adviser, { type: "issue-letter", letterId: id, people }),
      {
        code: "invalid",
        pointer: "/parameters/meetingDate",
      },
      /is 23 November 2026, before today/,
    );
    expect(lastLetter(h).status).toBe("draft");
  });

  it("refuses a meeting date that is not a date", () => {
    const h = openCase(undefined);
    expectRefusal(
      h.refuse(...adviser, concern("next Tuesday")),
      {
        pointer: "/parameters/meetingDate",
      },
      /Must be a date written YYYY-MM-DD/,
    );
  });
});
