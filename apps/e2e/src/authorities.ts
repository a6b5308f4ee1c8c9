/**
 * The demo authorities as the journeys meet them: who does what under each one's own policy
 * (packages/policy-config/tenants/<slug>/policy.json) and the demo data the server loads
 * (packages/api/demo/demo.json; users are `<role-key>[-n]@<slug>.example`, and the demo school's
 * staff have school roles). The apps' code never names an authority: only these fixtures do.
 */
import type { Page } from "playwright-core";
import { fillDate } from "./browser.ts";

export const PASSWORD = "steward-demo-2026";

/** The visit the adviser records, as the report form's own questions ask for it. */
export interface VisitRecording {
  date: string;
  /** The visit's term as the visits page shows it ("Autumn"), or "" when it has none. */
  term: string;
}

export interface Authority {
  /** The authority's name, as the sign-in page offers it. */
  tenant: string;
  /** Screenshots are `<prefix><page>.png`: Cambridgeshire's keep their names, another's are prefixed. */
  prefix: string;
  /** The demo school (a maintained primary) whose staff have portal accounts. */
  school: string;
  /**
   * A senior officer: sees the dashboard, schools, users and audit log; may categorise any case
   * (`categorise Case` without conditions), drafts the letter (its type's `permissions.draft`), and
   * sees the school's acknowledgement.
   */
  officer: string;
  /**
   * The school's assigned officer: leads its visits (the visit type's `ledBy`), may categorise the
   * cases assigned to them only, and does not read the policy.
   */
  adviser: string;
  /** Another holder of the adviser's role, not assigned to the school: may not categorise its case. */
  unassignedAdviser: string;
  /**
   * How the category is decided: from a best-fit assessment the adviser records through the
   * criteria grid (the officer follows its suggestion), or, where the policy has no criteria, the
   * officer's own decision with a rationale.
   */
  assessment: { kind: "best-fit" } | { kind: "decision"; category: string; rationale: string };
  /** The letter the officer drafts (first indicator, with evidence), and who approves and issues it. */
  letter: {
    type: string;
    evidence: string;
    /** An action the school must take, due this many days ahead (added to the draft). */
    action?: { text: string; dueInDays: number };
    /** A second officer who approves it (the type's `permissions.approve`), when it needs approval. */
    approver?: string;
    /** Who issues it (the type's `permissions.issue`): the officer or the approver. */
    issuer: string;
  };
  /** The visit the adviser schedules and records, and the answers the headteacher then reads under the report form's questions. */
  visit: {
    /** The type of visit to choose; by default the one the visit plan says is due. */
    type?: string;
    fillReport: (page: Page, visit: VisitRecording) => Promise<void>;
    answers: { question: string; answer: string }[];
    /** Field names (humanised keys) the portal must not show in place of the questions. */
    fieldNames: string[];
  };
  head: string;
  policyAdmin: string;
  /** A letter type the policy studio previews with example merge fields. */
  previewLetter: string;
}

/**
 * Cambridgeshire: best-fit categorisation against criteria; the school's School Improvement Adviser
 * records the assessment and the visits; an LA senior officer decides and issues a Congratulations
 * letter (no approval needed).
 */
export const CAMBRIDGESHIRE: Authority = {
  tenant: "Cambridgeshire County Council",
  prefix: "",
  school: "Bassingbourn Primary School",
  officer: "la-senior-officer@cambridgeshire.example",
  adviser: "school-improvement-adviser@cambridgeshire.example",
  unassignedAdviser: "school-improvement-adviser-2@cambridgeshire.example",
  assessment: { kind: "best-fit" },
  letter: { type: "Congratulations letter", evidence: "The school's reading results rose sharply this year.", issuer: "la-senior-officer@cambridgeshire.example" },
  visit: {
    fillReport: async (page, { date }) => {
      await fillDate(page, "Date of visit", date);
      await page.getByLabel("Who the adviser met").fill("The headteacher and the chair of governors.");
      await page.getByLabel("Discussion with the headteacher and senior leaders").check();
      await page.getByLabel("Summary of findings").fill("Reading is improving across key stage 1.");
      await page.getByRole("group", { name: "Are there concerns about the school's progress?" }).getByLabel("No").check();
      await page.getByLabel("Action", { exact: true }).fill("Share the phonics plan with governors.");
    },
    answers: [
      { question: "Summary of findings", answer: "Reading is improving across key stage 1." },
      { question: "Who the adviser met", answer: "The headteacher and the chair of governors." },
      { question: "What the adviser did", answer: "Discussion with the headteacher and senior leaders" },
    ],
    fieldNames: ["Summary", "People met", "Activities"],
  },
  head: "headteacher@cambridgeshire.example",
  policyAdmin: "policy-administrator@cambridgeshire.example",
  previewLetter: "Congratulations letter",
};

/**
 * Lincolnshire: risk ratings without criteria (the policy's assessment method is "risk-rating").
 * The demo school's case is assigned to the third Education Locality Lead (Grace Hughes), who leads
 * its termly core visits (with the term's agenda) and may categorise only the cases assigned to
 * them; the Head of School Standards decides the risk rating of any case and drafts notices. The
 * case already has an issued Pre-Warning Notice, so the officer drafts the next step, a
 * Performance, Standards and Safety Warning Notice (maintained schools only), which only the
 * Assistant Director for Children's Education approves and issues.
 */
export const LINCOLNSHIRE: Authority = {
  tenant: "Lincolnshire County Council",
  prefix: "lincolnshire-",
  school: "Digby Church of England School",
  officer: "head-of-school-standards@lincolnshire.example",
  adviser: "education-locality-lead-3@lincolnshire.example",
  unassignedAdviser: "education-locality-lead@lincolnshire.example",
  assessment: { kind: "decision", category: "High Risk", rationale: "Leaders are not taking effective action on the Pre-Warning Notice: the desktop review and the visits agree." },
  letter: {
    type: "Performance, Standards and Safety Warning Notice",
    evidence: "Reading outcomes fell for a third year and the Pre-Warning Notice's actions are not complete.",
    action: { text: "Send the local authority a revised school improvement plan", dueInDays: 14 },
    approver: "assistant-director-childrens-education@lincolnshire.example",
    issuer: "assistant-director-childrens-education@lincolnshire.example",
  },
  visit: {
    type: "Termly core visit",
    fillReport: async (page, { date, term }) => {
      // The core visit's name follows its term's agenda ("Autumn Term Visit").
      if (term) await page.getByLabel("Name of Meeting").selectOption({ label: `${term} Term Visit` });
      else await page.getByLabel("Name of Meeting").selectOption({ index: 1 });
      await page.getByLabel("Date and Time").fill(`${date}T10:00`);
      await page.getByLabel("Attendees").fill("The headteacher, the chair of governors and the Education Locality Lead.");
      await page.getByLabel("Strengths", { exact: true }).fill("Reading is improving across key stage 1.");
      await page.getByLabel("Areas of development", { exact: true }).fill("The attendance of disadvantaged pupils.");
      await page.getByLabel("Recommendation 1").fill("Share the attendance plan with governors.");
      await page.getByRole("group", { name: "Are there concerns about the school's progress?" }).getByLabel("No").check();
      await page.getByRole("group", { name: /^Risk rating the Education Locality Lead suggests/ }).getByLabel("High Risk").check();
    },
    answers: [
      { question: "Strengths", answer: "Reading is improving across key stage 1." },
      { question: "Attendees", answer: "The headteacher, the chair of governors and the Education Locality Lead." },
      { question: "Recommendations for improvement", answer: "Share the attendance plan with governors." },
      { question: "Risk rating the Education Locality Lead suggests", answer: "High Risk" },
    ],
    fieldNames: ["Suggested risk rating", "Concerns about progress"],
  },
  head: "headteacher@lincolnshire.example",
  policyAdmin: "policy-administrator@lincolnshire.example",
  previewLetter: "Pre-Warning Notice",
};

export const AUTHORITIES = [CAMBRIDGESHIRE, LINCOLNSHIRE];
