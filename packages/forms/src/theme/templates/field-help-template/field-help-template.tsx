import { helpId, type FieldHelpProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";

import { Hint } from "../../../govuk/frame.tsx";

/** `ui:help` as a second GOV.UK hint under the question. */
export default function FieldHelpTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ help, fieldPathId }: FieldHelpProps<T, S, F>) {
  if (!help) return null;
  return <Hint id={helpId(fieldPathId.$id)}>{help}</Hint>;
}
