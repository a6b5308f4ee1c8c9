import type { RJSFSchema } from "@rjsf/utils";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { bestFitFixture, templateFixtures, widgetFixtures } from "../testing/fixtures.ts";
import { FormSummary } from "./form-summary.tsx";

const schema: RJSFSchema = {
  type: "object",
  properties: {
    visitDate: { type: "string", format: "date", title: "Date of visit" },
    outcome: {
      type: "string",
      title: "Outcome",
      oneOf: [
        { const: "ok", title: "Concerns resolved" },
        { const: "no", title: "Not resolved" },
      ],
    },
    activities: {
      type: "array",
      title: "Activities",
      uniqueItems: true,
      items: { type: "string", enum: ["observe", "scrutiny"] },
    },
    concerns: { type: "boolean", title: "Are there concerns?" },
    notes: { type: "string", title: "Notes" },
    unanswered: { type: "string", title: "Not answered" },
    priorities: {
      type: "object",
      title: "Priorities",
      properties: { first: { type: "string", title: "First priority" } },
    },
    nextSteps: {
      type: "array",
      title: "Agreed next steps",
      items: {
        type: "object",
        properties: {
          action: { type: "string", title: "Action" },
          by: { type: "string", format: "date", title: "By when" },
        },
      },
    },
  },
};

describe("FormSummary", () => {
  it("lists every answered question with titles, labels and formatted dates", () => {
    render(
      <FormSummary
        schema={schema}
        uiSchema={{
          "ui:order": ["outcome", "*"],
          activities: { "ui:widget": "checkboxes", "ui:enumNames": ["Lesson observation", "Work scrutiny"] },
        }}
        formData={{
          visitDate: "2021-09-05",
          outcome: "ok",
          activities: ["observe", "scrutiny"],
          concerns: false,
          notes: "Line one\nLine two",
          priorities: { first: "Reading" },
          nextSteps: [{ action: "Review", by: "2021-10-01" }],
        }}
      />,
    );
    const keys = screen.getAllByRole("term").map((term) => term.textContent);
    expect(keys.slice(0, 5)).toEqual(["Outcome", "Date of visit", "Activities", "Are there concerns?", "Notes"]);
    expect(screen.getByText("5 September 2021")).toBeTruthy();
    expect(screen.getByText("Concerns resolved")).toBeTruthy();
    expect(screen.getByText("Lesson observation")).toBeTruthy();
    expect(screen.getByText("No")).toBeTruthy();
    expect(screen.getByText("Line two").tagName).toBe("P");
    expect(screen.queryByText("Not answered")).toBeNull();
    expect(screen.getByRole("heading", { name: "Priorities" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Agreed next step 1" })).toBeTruthy();
    expect(screen.getByText("1 October 2021")).toBeTruthy();
  });

  it("shows a date and time in UK time, in words", () => {
    render(
      <FormSummary
        schema={{
          type: "object",
          properties: { when: { type: "string", format: "date-time", title: "Date and time" } },
        }}
        formData={{ when: "2026-12-16T10:00:00.000Z" }}
      />,
    );
    expect(screen.getByText("16 December 2026 at 10:00am")).toBeTruthy();
    expect(screen.queryByText("2026-12-16T10:00:00.000Z")).toBeNull();
  });

  it("adds Change links that name the answer", () => {
    const onChangeAnswer = vi.fn();
    render(<FormSummary schema={schema} formData={{ notes: "Hello" }} onChangeAnswer={onChangeAnswer} />);
    const link = screen.getByRole("link", { name: "Change notes" });
    fireEvent.click(link);
    expect(onChangeAnswer).toHaveBeenCalledWith(["notes"], "root_notes");
  });

  it("summarises Steward widgets in words", () => {
    const { schema: bestFitSchema, uiSchema } = widgetFixtures.bestFit!;
    render(<FormSummary schema={bestFitSchema} uiSchema={uiSchema} formData={widgetFixtures.bestFit!.answer} />);
    const row = screen.getByRole("term", { name: "" }).closest("div") ?? document.body;
    expect(within(row).getByText("Leadership and management")).toBeTruthy();
    expect(screen.getByText(/High support: Leadership lacks capacity/)).toBeTruthy();
    expect(bestFitFixture.areas).toHaveLength(2);
    const agenda = widgetFixtures.agendaNotes!;
    render(<FormSummary schema={agenda.schema} uiSchema={agenda.uiSchema} formData={agenda.answer} />);
    expect(screen.getByText("Actions from the last visit")).toBeTruthy();
    const category = widgetFixtures.categorySelector!;
    render(<FormSummary schema={category.schema} uiSchema={category.uiSchema} formData={category.answer} />);
    expect(screen.getByText("Medium support").className).toBe("govuk-tag govuk-tag--yellow");
  });

  it("summarises an object chosen from several shapes by the shape it has", () => {
    const { schema: multi, uiSchema } = templateFixtures.multiSchema!;
    render(
      <FormSummary schema={multi} uiSchema={uiSchema} formData={{ contact: { email: "office@school.example" } }} />,
    );
    expect(screen.getByRole("term").textContent).toBe("Email address");
    expect(screen.getByText("office@school.example")).toBeTruthy();
  });

  it("shows conditional answers only for the branch chosen", () => {
    const { schema: conditional, uiSchema } = templateFixtures.conditionalReveal!;
    render(
      <FormSummary schema={conditional} uiSchema={uiSchema} formData={{ hasPlan: "yes", planDate: "2021-09-01" }} />,
    );
    expect(screen.getByText("Yes")).toBeTruthy();
    expect(screen.getByText("1 September 2021")).toBeTruthy();
  });
});
