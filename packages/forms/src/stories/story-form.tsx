import type Form from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { useEffect, useRef, useState } from "react";

import { GovukForm } from "../govuk-form/govuk-form.tsx";
import { FormSummary } from "../summary/form-summary.tsx";
import type { WidgetFixture } from "../testing/fixtures.ts";
import type { StewardFormContext } from "../theme/shared/form-context.ts";

export interface StoryFormProps {
  schema: RJSFSchema;
  uiSchema?: UiSchema;
  formData?: unknown;
  formContext?: StewardFormContext;
  /** Validate on first render, to show the error state. */
  showErrors?: boolean;
  readonly?: boolean;
  idPrefix?: string;
}

/**
 * A GovukForm for stories: shows a confirmation panel and the answers once submitted (the browser tests look for
 * the panel), and can show its errors straight away.
 */
export function StoryForm({ schema, uiSchema, formData, formContext, showErrors, readonly, idPrefix }: StoryFormProps) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rjsf's Form instance for any data
  const formRef = useRef<Form<any>>(null);
  const [submitted, setSubmitted] = useState<unknown>(undefined);
  useEffect(() => {
    if (showErrors) formRef.current?.validateForm();
  }, [showErrors]);
  if (submitted !== undefined) {
    return (
      <>
        <div className="govuk-panel govuk-panel--confirmation" role="status">
          <h1 className="govuk-panel__title">Form submitted</h1>
        </div>
        <h2 className="govuk-heading-m">Your answers</h2>
        <FormSummary schema={schema} uiSchema={uiSchema} formData={submitted} formContext={formContext} />
      </>
    );
  }
  return (
    <GovukForm
      ref={formRef}
      schema={schema}
      uiSchema={uiSchema}
      formData={formData}
      formContext={formContext}
      readonly={readonly}
      idPrefix={idPrefix}
      onSubmit={({ formData: data }) => setSubmitted(data ?? {})}
    />
  );
}

export type StoryVariant = "default" | "hint" | "error" | "readonly";

/** The args of one widget story: the fixture, with a hint added, its errors shown, or read-only with an answer. */
export function getFixtureArgs(
  fixture: Omit<WidgetFixture, "name">,
  variant: StoryVariant = "default",
): StoryFormProps {
  const schema: RJSFSchema = structuredClone(fixture.schema);
  if (variant === "hint") {
    for (const property of Object.values(schema.properties ?? {})) {
      if (typeof property === "object" && !property.description)
        property.description = "This is the hint: say here what a good answer looks like.";
    }
  }
  return {
    schema,
    uiSchema: fixture.uiSchema,
    showErrors: variant === "error",
    readonly: variant === "readonly",
    formData: variant === "readonly" ? fixture.answer : undefined,
  };
}
