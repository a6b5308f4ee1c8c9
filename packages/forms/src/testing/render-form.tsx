import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { render, type RenderResult } from "@testing-library/react";
import { vi, type Mock } from "vitest";

import { GovukForm, type GovukFormProps } from "../govuk-form/govuk-form.tsx";

export interface RenderedForm extends RenderResult {
  onChange: Mock;
  onSubmit: Mock;
  /** The form data of the last change. */
  lastData: () => unknown;
}

/** Renders a GovukForm and records its changes and submits. */
export function renderForm(schema: RJSFSchema, uiSchema?: UiSchema, props: Partial<GovukFormProps> = {}): RenderedForm {
  const onChange = vi.fn();
  const onSubmit = vi.fn();
  const result = render(
    <GovukForm schema={schema} uiSchema={uiSchema} onChange={onChange} onSubmit={onSubmit} {...props} />,
  );
  return { ...result, onChange, onSubmit, lastData: () => onChange.mock.calls.at(-1)?.[0]?.formData };
}
