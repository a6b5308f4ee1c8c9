import type { RJSFSchema, UiSchema } from "@rjsf/utils";

import type { BestFitData } from "../steward/best-fit.ts";

/** A small policy's worth of areas, categories and criteria for the Steward widgets' stories and tests. */
export const bestFitFixture: BestFitData = {
  areas: [
    { key: "leadership", label: "Leadership and management", description: "Safeguarding, vision and governance." },
    { key: "quality", label: "Quality of education" },
  ],
  categories: [
    {
      key: "low",
      label: "Low support",
      description: "Likely to be good or better at the next inspection.",
      severity: 0,
      colour: "green",
    },
    {
      key: "medium",
      label: "Medium support",
      description: "May need to improve to be good.",
      severity: 1,
      colour: "yellow",
    },
    { key: "high", label: "High support", description: "A significant cause for concern.", severity: 2, colour: "red" },
  ],
  criteria: [
    {
      area: "leadership",
      category: "low",
      descriptors: [
        { key: "strong", text: "Leadership is strong" },
        { key: "vision", text: "The vision is clear" },
      ],
    },
    {
      area: "leadership",
      category: "high",
      descriptors: [
        { key: "weak", text: "Leadership lacks capacity" },
        { key: "turnover", text: "Staff turnover is high" },
      ],
    },
    { area: "quality", category: "medium", descriptors: [{ key: "inconsistent", text: "Teaching is inconsistent" }] },
    { area: "quality", category: "high", descriptors: [{ key: "poor", text: "Outcomes are well below average" }] },
  ],
};

/** Agenda items as a policy's visit agenda lists them. */
const agendaFixture = [
  {
    key: "actions-from-last-visit",
    title: "Actions from the last visit",
    prompts: ["Which actions are complete?", "What is outstanding?"],
  },
  { key: "curriculum", title: "Curriculum" },
];

/** One fixture form per widget and template: the schema, uiSchema and a sensible answer. */
export interface WidgetFixture {
  name: string;
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  /** A valid answer, for stories with data and the read-only view. */
  answer: unknown;
}

const required = (
  name: string,
  property: RJSFSchema,
  ui?: UiSchema,
  answer?: unknown,
): Omit<WidgetFixture, "name"> => ({
  schema: { type: "object", required: [name], properties: { [name]: property } },
  uiSchema: ui ? { [name]: ui } : undefined,
  answer: { [name]: answer },
});

export const widgetFixtures: Record<string, Omit<WidgetFixture, "name">> = {
  text: required("fullName", { type: "string", title: "Full name", maxLength: 100 }, undefined, "Jane Smith"),
  textarea: required(
    "summary",
    { type: "string", title: "Summary of findings", maxLength: 200 },
    { "ui:widget": "textarea" },
    "Good progress since the last visit.",
  ),
  number: required("pupils", { type: "integer", title: "Number of pupils", minimum: 1 }, undefined, 240),
  email: required(
    "email",
    { type: "string", format: "email", title: "Email address" },
    undefined,
    "head@school.example",
  ),
  url: required(
    "website",
    { type: "string", format: "uri", title: "School website" },
    undefined,
    "https://school.example",
  ),
  password: required("code", { type: "string", title: "Access code" }, { "ui:widget": "password" }, "secret"),
  date: required(
    "visitDate",
    { type: "string", format: "date", title: "Date of visit" },
    { "ui:widget": "date" },
    "2021-09-05",
  ),
  time: required("startTime", { type: "string", format: "time", title: "Start time" }, undefined, "09:30"),
  radio: required(
    "outcome",
    {
      type: "string",
      title: "Outcome",
      oneOf: [
        { const: "resolved", title: "Concerns resolved" },
        { const: "escalate", title: "Escalate", description: "The chair of governors will be told." },
      ],
    },
    { "ui:widget": "radio" },
    "resolved",
  ),
  checkboxes: required(
    "activities",
    {
      type: "array",
      title: "What the adviser did",
      uniqueItems: true,
      minItems: 1,
      items: {
        type: "string",
        enum: ["Lesson observation", "Work scrutiny", "Discussion with governors", "None of these"],
      },
    },
    { "ui:widget": "checkboxes", "ui:options": { exclusive: ["None of these"] } },
    ["Lesson observation", "Work scrutiny"],
  ),
  checkbox: required("confirmed", { type: "boolean", title: "I confirm the information is correct" }, undefined, true),
  select: required(
    "area",
    { type: "string", title: "Judgement area", enum: ["leadership", "quality"] },
    { "ui:widget": "select", "ui:enumNames": ["Leadership and management", "Quality of education"] },
    "quality",
  ),
  yesNo: required(
    "concerns",
    { type: "boolean", title: "Are there concerns about the school's progress?" },
    { "ui:widget": "yesNo" },
    false,
  ),
  file: required(
    "evidence",
    { type: "string", format: "data-url", title: "Evidence file" },
    undefined,
    "data:text/plain;name=notes.txt;base64,aGVsbG8=",
  ),
  ratingScale: required(
    "confidence",
    { type: "integer", title: "How confident are leaders?", minimum: 1, maximum: 5 },
    { "ui:widget": "ratingScale", "ui:options": { labels: { 1: "Not confident", 5: "Very confident" } } },
    4,
  ),
  categorySelector: required(
    "category",
    { type: "string", title: "Recommended category", enum: ["low", "medium", "high"] },
    { "ui:widget": "categorySelector", "ui:options": { categories: bestFitFixture.categories } },
    "medium",
  ),
  bestFit: required(
    "judgements",
    {
      type: "array",
      title: "Judgement against the criteria",
      items: {
        type: "object",
        properties: {
          area: { type: "string" },
          descriptors: {
            type: "array",
            items: { type: "object", properties: { category: { type: "string" }, descriptor: { type: "string" } } },
          },
          evidence: { type: "string", maxLength: 500 },
        },
      },
    },
    { "ui:widget": "bestFit", "ui:options": { ...bestFitFixture } },
    [
      {
        area: "leadership",
        descriptors: [{ category: "high", descriptor: "weak" }],
        evidence: "Two leaders left this term.",
      },
    ],
  ),
  range: required(
    "attendance",
    { type: "integer", title: "Attendance (%)", minimum: 0, maximum: 100 },
    { "ui:widget": "range" },
    94,
  ),
  color: required(
    "colour",
    { type: "string", title: "Colour for the school's timeline" },
    { "ui:widget": "color" },
    "#1d70b8",
  ),
  dateTime: required(
    "meetingStart",
    { type: "string", format: "date-time", title: "Meeting starts" },
    undefined,
    "2021-09-05T09:30:00.000Z",
  ),
  hidden: {
    schema: {
      type: "object",
      properties: { caseId: { type: "string", title: "Case" }, note: { type: "string", title: "Note" } },
    },
    uiSchema: { caseId: { "ui:widget": "hidden" } },
    answer: { caseId: "case-42", note: "Visible note" },
  },
  agendaNotes: required(
    "notes",
    { type: "object", title: "Notes on the agenda", additionalProperties: { type: "string", maxLength: 500 } },
    { "ui:field": "agendaNotes", "ui:options": { items: agendaFixture } },
    { "actions-from-last-visit": "All complete." },
  ),
};

/** Nested objects, lists and conditional questions: the container templates. */
export const templateFixtures: Record<string, Omit<WidgetFixture, "name">> = {
  fieldTemplate: {
    schema: {
      type: "object",
      title: "About the school",
      required: ["schoolName", "phase"],
      properties: {
        schoolName: { type: "string", title: "School name", maxLength: 120 },
        phase: { type: "string", title: "Phase", enum: ["Primary", "Secondary", "Special"] },
        pupils: { type: "integer", title: "Number of pupils" },
      },
    },
    uiSchema: { phase: { "ui:widget": "radio", "ui:help": "Choose the phase on the school's register entry." } },
    answer: { schoolName: "Hilltop Primary", phase: "Primary", pupils: 210 },
  },
  baseInput: {
    schema: {
      type: "object",
      required: ["funding"],
      properties: {
        funding: { type: "number", title: "Funding requested", minimum: 0 },
        hours: { type: "number", title: "Adviser time" },
        urn: { type: "string", title: "School URN", pattern: "^[0-9]{6}$" },
      },
    },
    uiSchema: {
      funding: { "ui:options": { prefix: "£", width: 10 } },
      hours: { "ui:options": { suffix: "hours", width: 5 } },
      urn: { "ui:options": { width: 10 } },
    },
    answer: { funding: 2500, hours: 6, urn: "123456" },
  },
  buttons: {
    schema: {
      type: "object",
      properties: {
        targets: { type: "array", title: "Targets", items: { type: "string", title: "Target", maxLength: 200 } },
      },
    },
    uiSchema: { targets: { "ui:options": { orderable: true, copyable: true } } },
    answer: { targets: ["Improve reading at key stage 1", "Raise attendance above 95%"] },
  },
  unsupported: {
    schema: {
      type: "object",
      properties: {
        name: { type: "string", title: "Name" },
        odd: { type: "unknown-type" as never, title: "An unsupported question" },
      },
    },
    answer: { name: "Sam" },
  },
  optionalData: {
    schema: {
      type: "object",
      properties: {
        deputy: {
          type: "object",
          title: "Deputy headteacher",
          properties: { name: { type: "string", title: "Name" } },
        },
      },
    },
    uiSchema: { "ui:globalOptions": { enableOptionalDataFieldForType: ["object"] } },
    answer: { deputy: { name: "Alex Jones" } },
  },
  additionalProperties: {
    schema: {
      type: "object",
      required: ["contacts"],
      properties: {
        contacts: {
          type: "object",
          title: "Other contacts",
          additionalProperties: { type: "string", title: "Email address" },
        },
      },
    },
    answer: { contacts: { Bursar: "bursar@school.example" } },
  },
  multiSchema: {
    schema: {
      type: "object",
      required: ["contact"],
      properties: {
        contact: {
          title: "How should we contact the school?",
          oneOf: [
            {
              title: "By email",
              type: "object",
              required: ["email"],
              properties: { email: { type: "string", format: "email", title: "Email address" } },
            },
            {
              title: "By phone",
              type: "object",
              required: ["phone"],
              properties: { phone: { type: "string", title: "Phone number" } },
            },
          ],
        },
      },
    },
    answer: { contact: { email: "office@school.example" } },
  },
  nestedObject: {
    schema: {
      type: "object",
      title: "School details",
      properties: {
        contact: {
          type: "object",
          title: "Headteacher",
          description: "Who we write to.",
          required: ["name"],
          properties: {
            name: { type: "string", title: "Name" },
            email: { type: "string", format: "email", title: "Email address" },
          },
        },
      },
    },
    answer: { contact: { name: "Sam Patel", email: "sam@school.example" } },
  },
  addAnother: {
    schema: {
      type: "object",
      properties: {
        nextSteps: {
          type: "array",
          title: "Agreed next steps",
          minItems: 1,
          items: {
            type: "object",
            required: ["action"],
            properties: {
              action: { type: "string", title: "Action", maxLength: 200 },
              by: { type: "string", format: "date", title: "By when" },
            },
          },
        },
      },
    },
    uiSchema: {
      nextSteps: {
        items: { action: { "ui:widget": "textarea", "ui:options": { rows: 2 } }, by: { "ui:widget": "date" } },
      },
    },
    answer: { nextSteps: [{ action: "Review the reading scheme", by: "2021-10-01" }, { action: "Visit again" }] },
  },
  conditionalReveal: {
    schema: {
      type: "object",
      required: ["hasPlan"],
      properties: {
        hasPlan: { type: "string", title: "Does the school have an improvement plan?", enum: ["yes", "no"] },
      },
      dependencies: {
        hasPlan: {
          oneOf: [
            {
              properties: {
                hasPlan: { const: "yes" },
                planDate: { type: "string", format: "date", title: "Date of the plan" },
              },
              required: ["planDate"],
            },
            { properties: { hasPlan: { const: "no" }, reason: { type: "string", title: "Why not?", maxLength: 500 } } },
          ],
        },
      },
    },
    uiSchema: {
      hasPlan: { "ui:widget": "radio", "ui:enumNames": ["Yes", "No"] },
      planDate: { "ui:widget": "date" },
      reason: { "ui:widget": "textarea" },
    },
    answer: { hasPlan: "yes", planDate: "2021-09-01" },
  },
};
