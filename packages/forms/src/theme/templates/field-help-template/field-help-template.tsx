import { helpId, type FieldHelpProps } from "@rjsf/utils";

import { Hint } from "../../../govuk/frame.tsx";

/** `ui:help` as a second GOV.UK hint under the question. */
export default function FieldHelpTemplate({ help, fieldPathId }: FieldHelpProps) {
  if (!help) return null;
  return <Hint id={helpId(fieldPathId.$id)}>{help}</Hint>;
}
