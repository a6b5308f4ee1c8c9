import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { IChangeEvent } from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { GovukForm } from "./govuk-form/govuk-form.tsx";
import { FormSummary } from "./summary/form-summary.tsx";
import { getPolicyForms } from "./testing/policies.ts";
import { createSampleData } from "./testing/sample-data.ts";
import { createValidator } from "./validator.ts";

const tenantsDir = fileURLToPath(new URL("../../policy-config/tenants", `file://${__filename}`));
const forms = getPolicyForms();

describe("policy forms", () => {
  it("finds every policy file under packages/policy-config/tenants", () => {
    const onDisk = readdirSync(tenantsDir).filter((tenant) => existsSync(`${tenantsDir}/${tenant}/policy.json`));
    expect([...new Set(forms.map((form) => form.tenant))].sort()).toEqual(onDisk.sort());
    expect(forms.length).toBeGreaterThan(0);
  });

  describe.each(forms.map((entry) => [entry.id, entry] as const))("%s", (_id, { form }) => {
    const schema = form.schema as RJSFSchema;
    const uiSchema = form.uiSchema as UiSchema | undefined;

    it("renders, and an empty submit shows the error summary for its required questions", () => {
      const onSubmit = vi.fn<(event: IChangeEvent) => void>();
      const { container } = render(<GovukForm schema={schema} uiSchema={uiSchema} onSubmit={onSubmit} />);
      expect(container.querySelector("h1")?.textContent).toBe(schema.title ?? form.title);
      const submit = container.querySelector<HTMLButtonElement>("button[type=submit]");
      expect(submit).toBeTruthy();
      fireEvent.submit(container.querySelector("form")!);
      if ((schema.required ?? []).length > 0) {
        expect(onSubmit).not.toHaveBeenCalled();
        const links = [...screen.getByRole("alert").querySelectorAll("a")];
        for (const name of schema.required ?? []) {
          expect(
            links.some((link) => link.getAttribute("href")?.startsWith(`#root_${name}`)),
            `an error for ${name}`,
          ).toBe(true);
        }
        for (const link of links) {
          expect(link.textContent).toMatch(/^(Enter|Select|Add) /);
          expect(container.querySelector(link.getAttribute("href")!)).toBeTruthy();
        }
      }
    });

    it("accepts valid answers, submits them and summarises them", () => {
      const data = createSampleData(schema, 7);
      const { errors } = createValidator().validateFormData(data, schema);
      expect(errors).toEqual([]);
      const onSubmit = vi.fn<(event: IChangeEvent) => void>();
      const { container, unmount } = render(
        <GovukForm schema={schema} uiSchema={uiSchema} formData={data} onSubmit={onSubmit} />,
      );
      fireEvent.submit(container.querySelector("form")!);
      expect(screen.queryByRole("alert")).toBeNull();
      expect(onSubmit).toHaveBeenCalledTimes(1);
      expect(onSubmit.mock.calls[0]?.[0].formData).toEqual(data);
      unmount();
      const summary = render(<FormSummary schema={schema} uiSchema={uiSchema} formData={data} />);
      expect(summary.container.querySelectorAll(".govuk-summary-list__row").length).toBeGreaterThan(0);
    });
  });
});
