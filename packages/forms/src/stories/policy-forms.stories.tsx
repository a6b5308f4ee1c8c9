import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import type { Meta, StoryObj } from "@storybook/react-vite";

import { getBestFitData } from "../steward/best-fit.ts";
import { getPolicyForms } from "../testing/policies.ts";
import { createSampleData } from "../testing/sample-data.ts";
import { StoryForm } from "./story-form.tsx";

/**
 * Every form of every policy in packages/policy-config/tenants/*, found when Storybook is built. A story id can't
 * come from data, so one story takes the form as an argument (`form`: `<authority>__<form key>`), and another shows
 * them all on one page.
 */
const forms = getPolicyForms();
const formIds = forms.map((entry) => entry.id.replace("/", "__"));

function PolicyFormStory({ form, data }: { form: string; data: "empty" | "sample" }) {
  const entry = form ? forms.find((candidate) => candidate.id.replace("/", "__") === form) : forms[0];
  if (!entry) return <p className="govuk-body">The policy form “{form}” is not in this build of Storybook.</p>;
  const schema = entry.form.schema as RJSFSchema;
  return (
    <div data-policy-form={entry.id.replace("/", "__")}>
      <StoryForm
        key={`${form}-${data}`}
        schema={schema}
        uiSchema={entry.form.uiSchema as UiSchema | undefined}
        formData={data === "sample" ? createSampleData(schema, 7) : undefined}
        formContext={{ policy: getBestFitData(entry.policy) }}
      />
    </div>
  );
}

function EveryPolicyForm() {
  return (
    <>
      {forms.map((entry) => (
        <section
          key={entry.id}
          className="govuk-!-margin-bottom-9"
          aria-label={`${entry.policy.authority.name}: ${entry.form.title}`}
        >
          <p className="govuk-caption-m">{entry.policy.authority.name}</p>
          <StoryForm
            schema={entry.form.schema as RJSFSchema}
            uiSchema={entry.form.uiSchema as UiSchema | undefined}
            idPrefix={entry.id.replace(/[^a-z0-9]+/gi, "-")}
            formContext={{ policy: getBestFitData(entry.policy) }}
          />
          <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
        </section>
      ))}
    </>
  );
}

const meta = {
  title: "Policy forms",
  component: PolicyFormStory,
  argTypes: {
    form: { control: "select", options: formIds },
    data: { control: "inline-radio", options: ["empty", "sample"] },
  },
  args: { form: formIds[0] ?? "", data: "empty" },
  parameters: { policyFormIds: formIds },
} satisfies Meta<typeof PolicyFormStory>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Form: Story = {};
export const WithSampleAnswers: Story = { args: { data: "sample" } };
export const EveryForm: StoryObj = { render: () => <EveryPolicyForm /> };
