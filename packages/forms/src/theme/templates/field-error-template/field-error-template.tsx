import { errorId, type FieldErrorProps } from "@rjsf/utils";

import { ErrorMessage } from "../../../govuk/frame.tsx";

/**
 * A GOV.UK error message: one message per field (the first), with a visually hidden "Error:" prefix so screen
 * readers announce it as an error.
 */
export default function FieldErrorTemplate({ errors, fieldPathId }: FieldErrorProps) {
  const first = errors?.find((error) => error !== "" && error !== undefined);
  if (first === undefined) return null;
  return <ErrorMessage id={errorId(fieldPathId.$id)}>{first}</ErrorMessage>;
}
