import type { FieldProps } from "@rjsf/utils";
import type { ComponentType } from "react";

import type { PolicyProblem } from "../policy-hooks.ts";
import { CalendarEditor } from "./calendar/calendar-editor.tsx";
import { FormBuilderField } from "./form-builder/form-builder-field.tsx";
import { LetterTemplateField } from "./letter/letter-template-field.tsx";
import { PermissionsEditor } from "./permissions/permissions-editor.tsx";
import { RuleField } from "./rule/rule-field.tsx";

/**
 * The policy studio's editors, chosen by the meta-schema, never by a tenant's content.
 *
 * - A **field editor** edits one value whose meta-schema carries `"x-steward-editor": "<name>"` (a JsonLogic rule,
 *   a letter's template, ...). It is an rjsf custom field: `buildUiSchema` gives such a schema `"ui:field": name`
 *   when a field of that name is registered here.
 * - A **section editor** edits a whole top-level section (roles as a permissions matrix, the calendar as date
 *   ranges). The editor page shows it in place of the generated form, with the generated form a click away.
 *
 * Both read the draft around them through `useStudio()` (studio-context.ts).
 */
export const FIELD_EDITORS: Record<string, ComponentType<FieldProps>> = {
  form: FormBuilderField,
  "letter-template": LetterTemplateField,
  rule: RuleField,
};

export interface SectionEditorProps {
  /** The section's key in the document (`roles`, `calendar`, ...). */
  section: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** This section's problems, each at its JSON pointer. */
  problems: PolicyProblem[];
  readonly: boolean;
}

export const SECTION_EDITORS: Record<string, { label: string; component: ComponentType<SectionEditorProps> }> = {
  calendar: { label: "The calendar as date ranges", component: CalendarEditor },
  roles: { label: "The permissions matrix", component: PermissionsEditor },
};
