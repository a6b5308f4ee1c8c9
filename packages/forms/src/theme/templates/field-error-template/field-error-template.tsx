import {
  errorId,
  type FieldErrorProps,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";

/**
 * A GOV.UK error message: one message per field (the first), with a visually hidden "Error:" prefix so screen
 * readers announce it as an error.
 */
export default function FieldErrorTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ errors, fieldPathId }: FieldErrorProps<T, S, F>) {
  const first = errors?.find((error) => error !== "" && error !== undefined);
  if (first === undefined) return null;
  return (
    <p id={errorId(fieldPathId.$id)} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {first}
    </p>
  );
}
