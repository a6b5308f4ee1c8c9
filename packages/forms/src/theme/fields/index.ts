import type { FormContextType, RegistryFieldsType, RJSFSchema, StrictRJSFSchema } from "@rjsf/utils";

import AgendaNotesField from "./agenda-notes-field/agenda-notes-field.tsx";

/** A fresh map of the theme's own fields (rjsf's standard fields come from @rjsf/core): `agendaNotes`. */
export function generateFields<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(): RegistryFieldsType<T, S, F> {
  return { AgendaNotesField, agendaNotes: AgendaNotesField };
}

export { AgendaNotesField };
