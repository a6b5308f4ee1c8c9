import type { CyclicSchemaExpandProps, FormContextType, RJSFSchema, StrictRJSFSchema } from "@rjsf/utils";

/** Shows one more level of a recursive schema when asked, as a GOV.UK secondary button. */
export default function CyclicSchemaExpandTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ fieldPathId, name, onExpand }: CyclicSchemaExpandProps<T, S, F>) {
  return (
    <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onExpand(fieldPathId.$id)}>
      Show {name}
    </button>
  );
}
