import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import type { Meta, StoryObj } from "@storybook/react-vite";

import { GovukForm } from "../govuk-form/govuk-form.tsx";
import { getBestFitData } from "../steward/best-fit.ts";
import { FormSummary } from "../summary/form-summary.tsx";
import { getPolicyForms } from "../testing/policies.ts";
import { createSampleData } from "../testing/sample-data.ts";
import { StoryForm } from "./story-form.tsx";

const [first] = getPolicyForms();
const schema = (first?.form.schema ?? { type: "object", properties: {} }) as RJSFSchema;
const fields = Object.keys(schema.properties ?? {}).filter((name) => name !== undefined);
const chunk = Math.max(1, Math.ceil(fields.length / 3));
/** The first policy form split into three pages, to show the multi-page pattern with real questions. */
const pagedUiSchema: UiSchema = {
  ...((first?.form.uiSchema as UiSchema | undefined) ?? {}),
  "ui:options": {
    pages: [
      { title: "About the visit", fields: fields.slice(0, chunk) },
      { title: "What was found", fields: fields.slice(chunk, chunk * 2) },
      { title: "What happens next", fields: fields.slice(chunk * 2) },
    ],
  },
};
const sample = createSampleData(schema, 7);
const formContext = first ? { policy: getBestFitData(first.policy) } : undefined;

const meta: Meta = { title: "Patterns" };
export default meta;

export const MultiPageForm: StoryObj = {
  render: () => (
    <GovukForm schema={schema} uiSchema={pagedUiSchema} formContext={formContext} onSave={() => undefined} />
  ),
};
export const MultiPageResumed: StoryObj = {
  render: () => (
    <GovukForm
      schema={schema}
      uiSchema={pagedUiSchema}
      formContext={formContext}
      formData={sample}
      initialPage={1}
      onSave={() => undefined}
    />
  ),
};
export const CheckYourAnswers: StoryObj = {
  render: () => (
    <GovukForm schema={schema} uiSchema={pagedUiSchema} formContext={formContext} formData={sample} initialPage={3} />
  ),
};
export const SummaryOfASubmittedForm: StoryObj = {
  render: () => (
    <>
      <h1 className="govuk-heading-l">{schema.title ?? "Answers"}</h1>
      <FormSummary
        schema={schema}
        uiSchema={first?.form.uiSchema as UiSchema | undefined}
        formData={sample}
        formContext={formContext}
      />
    </>
  ),
};

/** The form the keyboard-only browser test completes: text, yes/no with a follow-up, a date and a checkbox. */
const journeySchema: RJSFSchema = {
  type: "object",
  title: "Request a visit",
  required: ["schoolName", "urgent", "preferredDate", "confirm"],
  properties: {
    schoolName: { type: "string", title: "School name", maxLength: 100 },
    urgent: { type: "string", title: "Is the visit urgent?", enum: ["yes", "no"] },
    preferredDate: { type: "string", format: "date", title: "Preferred date" },
    confirm: { type: "boolean", title: "I confirm the headteacher agrees to the visit", const: true },
  },
  dependencies: {
    urgent: {
      oneOf: [
        {
          properties: {
            urgent: { const: "yes" },
            reason: { type: "string", title: "Why is it urgent?", maxLength: 200 },
          },
          required: ["reason"],
        },
        { properties: { urgent: { const: "no" } } },
      ],
    },
  },
};
const journeyUiSchema: UiSchema = {
  "ui:order": ["schoolName", "urgent", "reason", "preferredDate", "confirm"],
  urgent: { "ui:widget": "radio", "ui:enumNames": ["Yes", "No"] },
  reason: { "ui:widget": "textarea", "ui:options": { rows: 3 } },
  preferredDate: { "ui:widget": "date" },
  confirm: {
    "ui:options": {
      errorMessages: {
        required: "Confirm the headteacher agrees to the visit",
        const: "Confirm the headteacher agrees to the visit",
      },
    },
  },
};
export const KeyboardJourney: StoryObj = {
  render: () => <StoryForm schema={journeySchema} uiSchema={journeyUiSchema} />,
};
