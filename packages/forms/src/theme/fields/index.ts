import type { RegistryFieldsType } from "@rjsf/utils";

import AgendaNotesField from "./agenda-notes-field/agenda-notes-field.tsx";

/** A fresh map of the theme's own fields (rjsf's standard fields come from @rjsf/core): `agendaNotes`. */
export function generateFields(): RegistryFieldsType {
  return { AgendaNotesField, agendaNotes: AgendaNotesField };
}

export { AgendaNotesField };
