import type { DescriptionFieldProps } from "@rjsf/utils";

import { Hint } from "../../../govuk/frame.tsx";

/** A field's description as a GOV.UK hint; widgets point `aria-describedby` at its id. */
export default function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return <Hint id={id}>{description}</Hint>;
}
