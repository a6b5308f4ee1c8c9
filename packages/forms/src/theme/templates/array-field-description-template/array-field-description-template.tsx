import {
  descriptionId,
  type ArrayFieldDescriptionProps,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";

import { Hint } from "../../../govuk/frame.tsx";

/** A list's description as a GOV.UK hint, referenced by the list's fieldset. */
export default function ArrayFieldDescriptionTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ description, fieldPathId }: ArrayFieldDescriptionProps<T, S, F>) {
  if (!description) return null;
  return <Hint id={descriptionId(fieldPathId.$id)}>{description}</Hint>;
}
