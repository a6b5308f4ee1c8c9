import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderForm } from "../testing/render-form.tsx";
import { getPages, getPageSchema } from "./pages.ts";

const schema: RJSFSchema = {
  type: "object",
  title: "Visit report",
  required: ["visitDate", "summary", "concerns"],
  properties: {
    visitDate: { type: "string", format: "date", title: "Date of visit" },
    focus: { type: "string", title: "Focus of the visit" },
    summary: { type: "string", title: "Summary of findings", maxLength: 100 },
    concerns: { type: "boolean", title: "Are there concerns about the school's progress?" },
    nextVisit: { type: "string", title: "Next visit" },
  },
};
const uiSchema: UiSchema = {
  "ui:options": {
    pages: [
      { title: "About the visit", fields: ["visitDate", "focus"] },
      { title: "Findings", fields: ["summary", "concerns"] },
    ],
  },
  visitDate: { "ui:widget": "date" },
  summary: { "ui:widget": "textarea" },
  concerns: { "ui:widget": "yesNo" },
};

const type = (label: string, text: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
const submit = () => fireEvent.submit(document.querySelector("form")!);

describe("pages", () => {
  it("adds root fields on no page to the last page", () => {
    expect(getPages(schema, uiSchema)?.[1]?.fields).toEqual(["summary", "concerns", "nextVisit"]);
  });

  it("keeps only a page's fields and rules", () => {
    const page = getPageSchema(schema, { title: "About the visit", fields: ["visitDate", "focus"] });
    expect(Object.keys(page.properties ?? {})).toEqual(["visitDate", "focus"]);
    expect(page.required).toEqual(["visitDate"]);
    expect(page.title).toBe("About the visit");
  });
});

describe("MultiPageForm", () => {
  it("validates only the current page, checks answers, and submits the whole form", async () => {
    const saves: [unknown, number][] = [];
    const form = renderForm(schema, uiSchema, { onSave: (data, index) => saves.push([data, index]) });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Visit reportAbout the visit");
    submit();
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Enter date of visit"]);
    type("Day", "5");
    type("Month", "9");
    type("Year", "2021");
    submit();
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("Findings"));
    expect(saves.at(-1)).toEqual([{ visitDate: "2021-09-05" }, 1]);
    await waitFor(() => expect(document.activeElement?.tagName).toBe("H1"));
    type("Summary of findings", "All good");
    fireEvent.click(screen.getByLabelText("No"));
    type("Next visit (optional)", "Spring");
    submit();
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("Check your answers"));
    expect(screen.getByText("5 September 2021")).toBeTruthy();
    expect(screen.getByText("All good")).toBeTruthy();
    fireEvent.click(screen.getByRole("link", { name: "Change summary of findings" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("Findings"));
    await waitFor(() => expect(document.activeElement?.id).toBe("root_summary"));
    type("Summary of findings", "Mostly good");
    submit();
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("Check your answers"));
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(form.onSubmit.mock.calls[0]?.[0].formData).toEqual({
      visitDate: "2021-09-05",
      summary: "Mostly good",
      concerns: false,
      nextVisit: "Spring",
    });
  });

  it("goes back, resumes at initialPage, and saves on request", async () => {
    const saves: [unknown, number][] = [];
    renderForm(schema, uiSchema, {
      initialPage: 1,
      formData: { visitDate: "2021-09-05" },
      onSave: (data, index) => saves.push([data, index]),
    });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("Findings");
    type("Summary of findings", "Draft");
    fireEvent.click(screen.getByRole("button", { name: "Save and come back later" }));
    expect(saves).toEqual([[{ visitDate: "2021-09-05", summary: "Draft" }, 1]]);
    fireEvent.click(screen.getByRole("link", { name: "Back" }));
    await waitFor(() => expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("About the visit"));
    expect(screen.getByLabelText<HTMLInputElement>("Day").value).toBe("5");
  });
});
