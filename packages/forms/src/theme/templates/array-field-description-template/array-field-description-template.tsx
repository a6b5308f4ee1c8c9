import { descriptionId, type ArrayFieldDescriptionProps } from "@rjsf/utils";

import { Hint } from "../../../govuk/frame.tsx";

/** A list's description as a GOV.UK hint, referenced by the list's fieldset. */
export default function ArrayFieldDescriptionTemplate({ description, fieldPathId }: ArrayFieldDescriptionProps) {
  if (!description) return null;
  return <Hint id={descriptionId(fieldPathId.$id)}>{description}</Hint>;
}
