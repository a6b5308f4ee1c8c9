import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { templateFixtures, widgetFixtures } from "../testing/fixtures.ts";
import { renderForm } from "../testing/render-form.tsx";
import { generateTemplates, generateTheme, generateWidgets } from "./index.ts";

const type = (label: string | RegExp, text: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
const click = (label: string | RegExp) => fireEvent.click(screen.getByLabelText(label));
const fx = (name: keyof typeof widgetFixtures) => widgetFixtures[name]!;

describe("theme shape", () => {
  it("generates fresh maps each call", () => {
    expect(generateWidgets()).not.toBe(generateWidgets());
    expect(generateTemplates()).not.toBe(generateTemplates());
    const theme = generateTheme();
    expect(Object.keys(theme)).toEqual(["fields", "templates", "widgets"]);
  });

  it("covers every widget and template name rjsf's core theme has", () => {
    const widgets = generateWidgets();
    for (const name of [
      "AltDateWidget",
      "AltDateTimeWidget",
      "CheckboxWidget",
      "CheckboxesWidget",
      "ColorWidget",
      "DateWidget",
      "DateTimeWidget",
      "EmailWidget",
      "FileWidget",
      "HiddenWidget",
      "PasswordWidget",
      "RadioWidget",
      "RangeWidget",
      "RatingWidget",
      "SelectWidget",
      "TextWidget",
      "TextareaWidget",
      "TimeWidget",
      "UpDownWidget",
      "URLWidget",
    ]) {
      expect(widgets[name], name).toBeTypeOf("function");
    }
    const templates = generateTemplates();
    for (const name of [
      "ArrayFieldDescriptionTemplate",
      "ArrayFieldItemTemplate",
      "ArrayFieldItemButtonsTemplate",
      "ArrayFieldTemplate",
      "ArrayFieldTitleTemplate",
      "BaseInputTemplate",
      "CyclicSchemaExpandTemplate",
      "DescriptionFieldTemplate",
      "ErrorListTemplate",
      "FallbackFieldTemplate",
      "FieldTemplate",
      "FieldErrorTemplate",
      "FieldHelpTemplate",
      "GridTemplate",
      "MultiSchemaFieldTemplate",
      "ObjectFieldTemplate",
      "OptionalDataControlsTemplate",
      "TitleFieldTemplate",
      "UnsupportedFieldTemplate",
      "WrapIfAdditionalTemplate",
    ] as const) {
      expect(templates[name], name).toBeTypeOf("function");
    }
    expect(Object.keys(templates.ButtonTemplates).sort()).toEqual([
      "AddButton",
      "ClearButton",
      "CopyButton",
      "MoveDownButton",
      "MoveUpButton",
      "RemoveButton",
      "SubmitButton",
    ]);
  });
});

describe("widgets round-trip their values", () => {
  it("text input", () => {
    const form = renderForm(fx("text").schema, fx("text").uiSchema);
    type("Full name", "Jane Smith");
    expect(form.lastData()).toEqual({ fullName: "Jane Smith" });
    expect(screen.getByLabelText("Full name")).toHaveProperty("className", "govuk-input");
  });

  it("textarea with a GOV.UK character count", async () => {
    const form = renderForm(fx("textarea").schema, fx("textarea").uiSchema);
    type("Summary of findings", "Twelve chars");
    expect(form.lastData()).toEqual({ summary: "Twelve chars" });
    const textarea = screen.getByLabelText("Summary of findings");
    expect(textarea.getAttribute("aria-describedby")).toContain("root_summary-info");
    expect(screen.getByText("You can enter up to 200 characters")).toBeTruthy();
    expect(form.container.querySelector(".govuk-character-count__status")?.textContent).toBe(
      "You have 188 characters remaining",
    );
    const live = form.container.querySelector("[aria-live=polite]");
    await waitFor(() => expect(live?.textContent).toBe("You have 188 characters remaining"), { timeout: 2000 });
    type("Summary of findings", "x".repeat(203));
    expect(form.container.querySelector(".govuk-character-count__status")?.textContent).toBe(
      "You have 3 characters too many",
    );
    expect(textarea.className).toContain("govuk-textarea--error");
  });

  it("number, as text with a numeric keyboard", () => {
    const form = renderForm(fx("number").schema, fx("number").uiSchema);
    const input = screen.getByLabelText("Number of pupils");
    expect(input.getAttribute("type")).toBe("text");
    expect(input.getAttribute("inputmode")).toBe("numeric");
    type("Number of pupils", "240");
    expect(form.lastData()).toEqual({ pupils: 240 });
  });

  it("email, web address, password and time", () => {
    const email = renderForm(fx("email").schema);
    type("Email address", "head@school.example");
    expect(email.lastData()).toEqual({ email: "head@school.example" });
    expect(screen.getByLabelText("Email address").getAttribute("type")).toBe("email");
    email.unmount();
    const url = renderForm(fx("url").schema);
    type("School website", "https://school.example");
    expect(url.lastData()).toEqual({ website: "https://school.example" });
    url.unmount();
    const password = renderForm(fx("password").schema, fx("password").uiSchema);
    type("Access code", "secret");
    expect(password.lastData()).toEqual({ code: "secret" });
    password.unmount();
    const time = renderForm(fx("time").schema);
    type("Start time", "09:30");
    expect(time.lastData()).toEqual({ startTime: "09:30" });
  });

  it("range, colour, date and time, and hidden values", () => {
    const range = renderForm(fx("range").schema, fx("range").uiSchema);
    fireEvent.change(screen.getByLabelText("Attendance (%)"), { target: { value: "94" } });
    expect(range.lastData()).toEqual({ attendance: 94 });
    range.unmount();
    const colour = renderForm(fx("color").schema, fx("color").uiSchema);
    fireEvent.change(screen.getByLabelText("Colour for the school's timeline"), { target: { value: "#1d70b8" } });
    expect(colour.lastData()).toEqual({ colour: "#1d70b8" });
    colour.unmount();
    const dateTime = renderForm(fx("dateTime").schema);
    fireEvent.change(screen.getByLabelText("Meeting starts"), { target: { value: "2021-09-05T09:30" } });
    expect(String((dateTime.lastData() as { meetingStart: string }).meetingStart)).toMatch(
      /^2021-09-0[45]T\d\d:30:00\.000Z$/,
    );
    dateTime.unmount();
    const hidden = renderForm(fx("hidden").schema, fx("hidden").uiSchema, { formData: { caseId: "case-42" } });
    type("Note (optional)", "Seen");
    expect(hidden.lastData()).toEqual({ caseId: "case-42", note: "Seen" });
    expect((hidden.container.querySelector("#root_caseId") as HTMLInputElement).type).toBe("hidden");
  });

  it("GOV.UK date input writes an ISO date, and reads month names", () => {
    const form = renderForm(fx("date").schema, fx("date").uiSchema);
    expect(screen.getByRole("group", { name: "Date of visit" })).toBeTruthy();
    type("Day", "5");
    type("Month", "Sept");
    type("Year", "2021");
    expect(form.lastData()).toEqual({ visitDate: "2021-09-05" });
    type("Month", "");
    expect(form.lastData()).toEqual({ visitDate: "2021--5" });
  });

  it("radios", () => {
    const form = renderForm(fx("radio").schema, fx("radio").uiSchema);
    click("Escalate");
    expect(form.lastData()).toEqual({ outcome: "escalate" });
    expect(screen.getByText("The chair of governors will be told.").className).toContain("govuk-radios__hint");
    expect(screen.getByLabelText("Concerns resolved").id).toBe("root_outcome");
  });

  it("checkboxes, with an exclusive option", () => {
    const form = renderForm(fx("checkboxes").schema, fx("checkboxes").uiSchema);
    click("Work scrutiny");
    click("Lesson observation");
    expect(form.lastData()).toEqual({ activities: ["Lesson observation", "Work scrutiny"] });
    click("None of these");
    expect(form.lastData()).toEqual({ activities: ["None of these"] });
    expect(screen.getByText("or").className).toBe("govuk-checkboxes__divider");
  });

  it("single checkbox", () => {
    const form = renderForm(fx("checkbox").schema);
    click("I confirm the information is correct");
    expect(form.lastData()).toEqual({ confirmed: true });
  });

  it("select", () => {
    const form = renderForm(fx("select").schema, fx("select").uiSchema);
    fireEvent.change(screen.getByLabelText("Judgement area"), { target: { value: "1" } });
    expect(form.lastData()).toEqual({ area: "quality" });
    expect(screen.getByRole("option", { name: "Quality of education" })).toBeTruthy();
  });

  it("yes/no radios for a boolean", () => {
    const form = renderForm(fx("yesNo").schema, fx("yesNo").uiSchema);
    click("No");
    expect(form.lastData()).toEqual({ concerns: false });
    click("Yes");
    expect(form.lastData()).toEqual({ concerns: true });
    expect(form.container.querySelector(".govuk-radios--inline")).toBeTruthy();
  });

  it("file upload as a data URL", async () => {
    const form = renderForm(fx("file").schema);
    const file = new File(["hello"], "notes.txt", { type: "text/plain" });
    // The file is read asynchronously: an async act lets its promise settle.
    await act(() => {
      fireEvent.change(screen.getByLabelText("Evidence file"), { target: { files: [file] } });
      return Promise.resolve();
    });
    await waitFor(() =>
      expect(String((form.lastData() as { evidence?: string } | undefined)?.evidence)).toMatch(
        /^data:text\/plain;name=notes\.txt;base64,/,
      ),
    );
    expect(screen.getByText(/notes\.txt \(5 bytes\)/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Remove notes.txt" })).toBeTruthy();
  });

  it("rating scale", () => {
    const form = renderForm(fx("ratingScale").schema, fx("ratingScale").uiSchema);
    click(/^4$/);
    expect(form.lastData()).toEqual({ confidence: 4 });
    expect(screen.getByLabelText(/5\s*Very confident/)).toBeTruthy();
  });

  it("category selector shows each category as a coloured tag with its description", () => {
    const form = renderForm(fx("categorySelector").schema, fx("categorySelector").uiSchema);
    click("High support");
    expect(form.lastData()).toEqual({ category: "high" });
    expect(screen.getByText("High support").className).toBe("govuk-tag govuk-tag--red");
    expect(screen.getByText("A significant cause for concern.")).toBeTruthy();
  });

  it("best-fit grid ticks descriptors, records evidence and suggests a category", () => {
    const form = renderForm(fx("bestFit").schema, fx("bestFit").uiSchema);
    click("Leadership lacks capacity");
    expect(form.lastData()).toEqual({
      judgements: [{ area: "leadership", descriptors: [{ category: "high", descriptor: "weak" }] }],
    });
    type(/Evidence for leadership and management/, "Two leaders left");
    expect(form.lastData()).toEqual({
      judgements: [
        { area: "leadership", descriptors: [{ category: "high", descriptor: "weak" }], evidence: "Two leaders left" },
      ],
    });
    const status = screen.getByRole("status");
    expect(status.textContent).toContain("Suggested category: High support");
    click("Leadership is strong");
    click("The vision is clear");
    expect(screen.getByRole("status").textContent).toContain("Suggested category: Low support");
  });

  it("agenda-item notes: one textarea per item", () => {
    const form = renderForm(fx("agendaNotes").schema, fx("agendaNotes").uiSchema);
    type("Actions from the last visit", "All complete");
    type("Curriculum", "Broad");
    expect(form.lastData()).toEqual({ notes: { "actions-from-last-visit": "All complete", curriculum: "Broad" } });
    expect(screen.getByText("Which actions are complete?")).toBeTruthy();
  });
});

describe("templates", () => {
  it("nested objects are fieldsets with a heading legend", () => {
    const { schema, uiSchema } = templateFixtures.nestedObject!;
    const form = renderForm(schema, uiSchema);
    const group = screen.getByRole("group", { name: "Headteacher" });
    expect(within(group).getByText("Who we write to.").className).toBe("govuk-hint");
    type("Name", "Sam");
    expect(form.lastData()).toEqual({ contact: { name: "Sam" } });
    expect(screen.getByLabelText("Email address (optional)")).toBeTruthy();
  });

  it("add another: adds, names and removes items, moving focus", async () => {
    const { schema, uiSchema } = templateFixtures.addAnother!;
    const form = renderForm(schema, uiSchema);
    // minItems 1: the list starts with one item.
    expect(screen.getByRole("group", { name: "Agreed next step 1" })).toBeTruthy();
    type("Action", "Review reading");
    fireEvent.click(screen.getByRole("button", { name: "Add another agreed next step" }));
    await waitFor(() => expect(screen.getByRole("group", { name: "Agreed next step 2" })).toBeTruthy());
    await waitFor(() => expect(document.activeElement?.id).toBe("root_nextSteps_1_action"));
    expect(form.lastData()).toEqual({ nextSteps: [{ action: "Review reading" }, {}] });
    fireEvent.click(screen.getByRole("button", { name: "Remove agreed next step 2" }));
    await waitFor(() => expect(screen.queryByRole("group", { name: "Agreed next step 2" })).toBeNull());
    expect(form.lastData()).toEqual({ nextSteps: [{ action: "Review reading" }] });
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Agreed next steps (optional)"));
  });

  it("conditional reveal puts follow-up questions under the chosen radio", () => {
    const { schema, uiSchema } = templateFixtures.conditionalReveal!;
    const form = renderForm(schema, uiSchema);
    expect(screen.queryByText("Date of the plan")).toBeNull();
    click("Yes");
    const panel = form.container.querySelector(".govuk-radios__conditional");
    expect(panel?.textContent).toContain("Date of the plan");
    expect(screen.getByLabelText("Yes").getAttribute("aria-controls")).toBe(panel?.id);
    type("Day", "1");
    type("Month", "9");
    type("Year", "2021");
    expect(form.lastData()).toEqual({ hasPlan: "yes", planDate: "2021-09-01" });
    click("No");
    expect(form.container.querySelector(".govuk-radios__conditional")?.textContent).toContain("Why not?");
  });

  it("shows an error summary that takes focus and links to each field", async () => {
    const form = renderForm(fx("text").schema);
    fireEvent.submit(form.container.querySelector("form")!);
    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("There is a problem");
    const link = within(summary).getByRole("link", { name: "Enter full name" });
    expect(link.getAttribute("href")).toBe("#root_fullName");
    await waitFor(() => expect(document.activeElement?.className).toBe("govuk-error-summary"));
    expect(form.container.querySelector(".govuk-form-group--error")).toBeTruthy();
    const message = form.container.querySelector(".govuk-error-message");
    expect(message?.textContent).toBe("Error: Enter full name");
    expect(screen.getByLabelText("Full name").getAttribute("aria-describedby")).toContain(message?.id);
    expect(screen.getByLabelText("Full name").className).toContain("govuk-input--error");
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe("root_fullName");
    expect(form.onSubmit).not.toHaveBeenCalled();
  });

  it("submits valid data", () => {
    const form = renderForm(fx("text").schema);
    type("Full name", "Jane");
    fireEvent.submit(form.container.querySelector("form")!);
    expect(form.onSubmit.mock.calls[0]?.[0].formData).toEqual({ fullName: "Jane" });
  });
});

describe("read-only mode", () => {
  for (const [name, fixture] of Object.entries({ ...widgetFixtures, ...templateFixtures })) {
    it(`${name} shows the answer without editable controls`, () => {
      const form = renderForm(fixture.schema, fixture.uiSchema, { readonly: true, formData: fixture.answer });
      const editable = [...form.container.querySelectorAll("input:not([type=hidden]), textarea, select")].filter(
        (element) => !(element as HTMLInputElement).readOnly && !(element as HTMLInputElement).disabled,
      );
      expect(editable.map((element) => element.id)).toEqual([]);
      expect(form.container.textContent?.length).toBeGreaterThan(0);
    });
  }

  it("shows the chosen option, a formatted date and ticked checkboxes as text", () => {
    renderForm(fx("radio").schema, fx("radio").uiSchema, { readonly: true, formData: { outcome: "escalate" } });
    expect(screen.getByText("Escalate")).toBeTruthy();
    renderForm(fx("date").schema, fx("date").uiSchema, { readonly: true, formData: { visitDate: "2021-09-05" } });
    expect(screen.getByText("5 September 2021")).toBeTruthy();
    renderForm(fx("checkboxes").schema, fx("checkboxes").uiSchema, {
      readonly: true,
      formData: { activities: ["Work scrutiny"] },
    });
    expect(screen.getByRole("listitem").textContent).toBe("Work scrutiny");
  });
});
