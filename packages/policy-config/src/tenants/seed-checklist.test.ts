// Facts taken from the two authorities' strategy documents (../shared/seeds),
// each checked against the tenant's policy document. A phrase is found when it
// appears, in the seed's words, in the part of the policy where it belongs.
import { describe, expect, it } from "vitest";

import cambridgeshire from "../../tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "../../tenants/lincolnshire/policy.json" with { type: "json" };
import { describeCadence } from "../diff.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { validatePolicy } from "../validation/index.ts";

const normalise = (text: string) =>
  text.toLowerCase().replace(/[‘’]/g, "'").replace(/[–—]/g, "-").replace(/\s+/g, " ").trim();

/** Whether `phrase` appears in `part` of the policy (any string inside it). */
function mentions(part: unknown, phrase: string): boolean {
  return normalise(JSON.stringify(part)).includes(normalise(phrase).replaceAll('"', '\\"'));
}

function expectMentions(part: unknown, phrases: string[]) {
  const missing = phrases.filter((p) => !mentions(part, p));
  expect(missing, `not found: ${missing.join(" | ")}`).toEqual([]);
}

const byLabel = <T extends { label: string }>(items: T[], label: string): T => {
  const found = items.find((i) => normalise(i.label).includes(normalise(label)));
  if (!found) throw new Error(`No item labelled like "${label}" among: ${items.map((i) => i.label).join(", ")}`);
  return found;
};

const cadences = (policy: PolicyDocument, categoryLabel: string) =>
  byLabel(policy.categories, categoryLabel).cadence.map((c) => describeCadence(c));

describe.each([
  ["Cambridgeshire", cambridgeshire],
  ["Lincolnshire", lincolnshire],
])("%s's policy", (_name, document) => {
  it("is valid, with no errors", () => {
    const result = validatePolicy(document);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("Cambridgeshire's policy holds its strategy", () => {
  const policy = cambridgeshire as unknown as PolicyDocument;

  it("names the authority and the strategy period", () => {
    expect(policy.authority.laCode).toBe("873");
    expect(policy.strategy.period).toBe("2021-2023");
  });

  it("has the three support categories in order of concern, with their visits", () => {
    expect(policy.categories.map((c) => normalise(c.label))).toEqual([
      expect.stringContaining("low"),
      expect.stringContaining("medium"),
      expect.stringContaining("high"),
    ]);
    expect(cadences(policy, "high")).toContain("at least monthly");
    expect(cadences(policy, "medium")).toContain("half-termly");
    expect(cadences(policy, "low")).toContain("termly");
  });

  it("judges best fit across the four areas, with every criterion bullet", () => {
    expect(policy.assessment.derivation).toEqual({ kind: "best-fit" });
    expect(policy.assessment.dimensions.map((d) => d.valuedBy)).toEqual(
      policy.areas.map((area) => ({ kind: "criteria", area: area.key })),
    );
    expect(policy.areas).toHaveLength(4);
    expectMentions(policy.criteria, [
      "The culture of safeguarding is strong, and all statutory requirements are met",
      "The effectiveness of leadership to drive school improvement is strong",
      "A new or interim Headteacher in the first year of Headship",
      "Substantive leadership (HT or governance) is not in place",
      "The school has been issued with a Warning Notice or Significant Concerns letter",
      "Teaching is securely good or better",
      "Leaders' plans to improve the curriculum are at an early stage of development",
      "Pupils do not have access to the full curriculum which is often narrowed",
      "Attendance is high or, where it is not, it is rapidly improving",
      "Attendance is consistently low for all pupils, groups of pupils including disadvantaged pupils",
      "Pupils' lack of engagement contributes to reduced learning",
      "SMSC is of high quality",
      "SMSC is underdeveloped across the school and is poorly planned for across the curriculum",
      "Leaders and governors are undermining fundamental British values",
    ]);
    const seeData = policy.criteria.flatMap((c) => c.descriptors).filter((d) => d.dataLink);
    expect(seeData.length).toBeGreaterThanOrEqual(5);
  });

  it("holds the LAIG: half-termly, confidential, five key points to the whole governing body", () => {
    const laig = policy.meetingTypes.find(
      (m) => mentions(m, "LAIG") || mentions(m, "Local Authority Implementation Group"),
    );
    expect(laig).toBeDefined();
    expect(laig!.confidential).toBe(true);
    expect(laig!.frequency).toEqual({ every: 1, unit: "half-term" });
    const keyPoints = laig!.sharing.find((s) => s.content === "key-points");
    expect(keyPoints?.maxItems).toBe(5);
    expect(mentions(keyPoints, "governing body")).toBe(true);
    expect(byLabel(policy.categories, "high").requiredMeetings.map((m) => m.meetingType)).toContain(laig!.key);
  });

  it("has the congratulations, significant concerns and warning notice letters with their indicators", () => {
    expectMentions(byLabel(policy.letterTypes, "congratulations").indicators, [
      "Where a school has improved its Ofsted grade or sustained good/outstanding overall effectiveness",
      "Where there has been a significant improvement in pupil performance",
      "Where a school has significantly accelerated the achievement of disadvantaged groups",
    ]);
    expectMentions(byLabel(policy.letterTypes, "significant concerns").indicators, [
      "Risk assessment confirms a declining trend in pupil performance",
      "Safeguarding Concerns",
      "Management of the Schools Finances",
      "There are concerns that the Governing Body is not effective in holding the school to account",
      "A drop in Ofsted rating",
      "There are consistently wide attainment/progress gaps between disadvantaged pupils and their peers",
      "Self-evaluation is not robust or realistic enough and engagement with school improvement is weak",
    ]);
    const warning = byLabel(policy.letterTypes, "warning notice");
    expectMentions(warning.indicators, [
      "Evidence of unacceptably low standards, i.e. school has been below the floor standard",
      "School leaders are not taking urgent and appropriate action to resolve the problem",
      "Governors are not acknowledging the seriousness of the position nor challenging school leaders to secure rapid improvements",
      "School is at risk of being put in Serious Weaknesses or Special Measures",
    ]);
    expect(warning.kind).toBe("notice");
  });

  it("keeps the academy concerns route apart, to the Chair of the Academy Trust", () => {
    const academyParts = [...policy.letterTypes, ...policy.escalation.stages].filter((x) =>
      x.applicability?.governance?.includes("academy"),
    );
    expect(academyParts.length).toBeGreaterThan(0);
    expect(mentions(academyParts, "Chair of the Academy Trust")).toBe(true);
    expectMentions(policy, [
      "Regional Commissioner",
      "Education Funding Agency",
      "refusal to engage with the LA through ongoing processes",
    ]);
  });

  it("records the Primary School Improvement Offer and the Annual Monitoring Visit", () => {
    expectMentions(policy, ["Primary School Improvement Offer", "Annual Monitoring Visit"]);
  });

  it("has the three key priorities", () => {
    expect(policy.strategy.priorities).toHaveLength(3);
    expectMentions(policy.strategy.priorities, ["New Headteacher Induction Programme", "Pupil Premium Reviews"]);
  });
});

describe("Lincolnshire's policy holds its strategy", () => {
  const policy = lincolnshire as unknown as PolicyDocument;

  it("names the authority and the strategy period", () => {
    expect(policy.authority.laCode).toBe("925");
    expect(policy.strategy.period).toMatch(/^2021-2022$/);
    expect(policy.calendar.model).toBe("six-term");
  });

  it("has the four risk ratings in order, each with a termly core visit", () => {
    expect(policy.assessment.dimensions.map((d) => [d.label, d.valuedBy.kind, d.levels])).toEqual([
      ["Risk rating", "officer", undefined],
    ]);
    expect(policy.categories.map((c) => normalise(c.label))).toEqual([
      "no known or minor issues",
      "vulnerable",
      "high risk",
      "school causing concern",
    ]);
    for (const category of policy.categories) expect(cadences(policy, category.label)).toContain("termly");
    expect(cadences(policy, "vulnerable")).toContain("about every four weeks");
  });

  it("has every item of the autumn, spring and summer core visit agendas", () => {
    const agendas = policy.visitTypes.flatMap((v) => v.agendas);
    const itemsFor = (term: string) => agendas.filter((a) => a.term === term).flatMap((a) => a.items);
    expectMentions(itemsFor("autumn"), [
      "Welcome and Introductions",
      "Performance data trends and outcomes for pupils",
      "Quality of Education - Curriculum",
      "Governance",
      "How do governors hold leaders to account for the quality of education?",
      "School improvement priorities, recommendations and joint monitoring activity for the spring core visit",
      "AOB",
    ]);
    expectMentions(itemsFor("spring"), [
      "Feedback from joint monitoring activity",
      "SEND",
      "Disadvantaged",
      "Early Years",
      "Agree focus of summer joint monitoring activity",
    ]);
    expectMentions(itemsFor("summer"), ["Personal development", "Behaviour and attitudes", "Transition"]);
  });

  it("lists the additional-support activities for vulnerable schools", () => {
    expectMentions(policy.visitTypes, [
      "Reviewing the school development plan",
      "Book scrutinies",
      "Ofsted preparation",
    ]);
  });

  it("escalates to Strategy and removes a school after two Strategy meetings with strong progress", () => {
    expectMentions(policy.meetingTypes, ["Strategy"]);
    const exits = policy.escalation.transitions.filter((t) => mentions(t.when, "strong-progress-in-a-row"));
    expect(exits.some((t) => JSON.stringify(t.when).includes(",2]"))).toBe(true);
    const intoStrategy = policy.escalation.transitions.filter((t) => mentions(t.when, "concerns-in-a-row"));
    expect(intoStrategy.length).toBeGreaterThan(0);
  });

  it("has the Pre-Warning Notice and the Performance, Standards and Safety Warning Notice with its grounds", () => {
    const preWarning = byLabel(policy.letterTypes, "pre-warning");
    expect(preWarning.removal?.allowed).toBe(true);
    const warning = byLabel(policy.letterTypes, "performance, standards and safety");
    expectMentions(warning.indicators, [
      "The standards of performance of pupils at the school are unacceptably low and are likely to remain so",
      "There has been a serious breakdown in the way the school is managed or governed which is prejudicing, or likely to prejudice, such standards of performance",
      "The safety of pupils or staff at the school is threatened (whether by a breakdown of discipline or otherwise)",
    ]);
    expectMentions(warning.recipients, ["Regional Schools Commissioner", "Ofsted"]);
  });

  it("names the triggers for a school causing concern", () => {
    expectMentions(policy, [
      "Academisation Order",
      "Failed to fulfil the terms of the Performance, Standards and Safety warning notice",
    ]);
    const scc = byLabel(policy.categories, "school causing concern");
    expect(policy.triggers.some((t) => t.suggests.category === scc.key && mentions(t.when, "inadequate"))).toBe(true);
  });

  it("has the visit report's common format and the Intervention Funding Form", () => {
    const report = policy.forms.find((f) => f.purpose === "visit-report");
    expectMentions(report?.schema, ["strengths", "areas of development", "recommendations"]);
    const funding = policy.forms.find((f) => f.purpose === "funding-application");
    expect(funding?.audience).toBe("school");
  });

  it("has the Education Team's roles", () => {
    expectMentions(policy.roles, ["Education Locality Lead", "Head of School Standards", "Head of Education Strategy"]);
  });
});
