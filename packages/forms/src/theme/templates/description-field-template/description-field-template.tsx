import type { DescriptionFieldProps, FormContextType, RJSFSchema, StrictRJSFSchema } from "@rjsf/utils";

import { Hint } from "../../../govuk/frame.tsx";

/** A field's description as a GOV.UK hint; widgets point `aria-describedby` at its id. */
export default function DescriptionFieldTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ id, description }: DescriptionFieldProps<T, S, F>) {
  if (!description) return null;
  return <Hint id={id}>{description}</Hint>;
}
