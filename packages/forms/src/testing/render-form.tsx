import type { IChangeEvent } from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { render, type RenderResult } from "@testing-library/react";
import { vi, type Mock } from "vitest";

import { GovukForm, type GovukFormProps } from "../govuk-form/govuk-form.tsx";

/** What GovukForm's onChange and onSubmit receive first: rjsf's event with the form data. */
type FormEventHandler = (event: IChangeEvent) => void;

export interface RenderedForm extends RenderResult {
  onChange: Mock<FormEventHandler>;
  onSubmit: Mock<FormEventHandler>;
  /** The form data of the last change. */
  lastData: () => unknown;
}

/** Renders a GovukForm and records its changes and submits. */
export function renderForm(schema: RJSFSchema, uiSchema?: UiSchema, props: Partial<GovukFormProps> = {}): RenderedForm {
  const onChange = vi.fn<FormEventHandler>();
  const onSubmit = vi.fn<FormEventHandler>();
  const result = render(
    <GovukForm schema={schema} uiSchema={uiSchema} onChange={onChange} onSubmit={onSubmit} {...props} />,
  );
  return { ...result, onChange, onSubmit, lastData: (): unknown => onChange.mock.calls.at(-1)?.[0].formData };
}
