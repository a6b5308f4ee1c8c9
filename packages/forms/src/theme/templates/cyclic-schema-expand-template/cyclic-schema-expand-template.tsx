import type { CyclicSchemaExpandProps } from "@rjsf/utils";

/** Shows one more level of a recursive schema when asked, as a GOV.UK secondary button. */
export default function CyclicSchemaExpandTemplate({ fieldPathId, name, onExpand }: CyclicSchemaExpandProps) {
  return (
    <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onExpand(fieldPathId.$id)}>
      Show {name}
    </button>
  );
}
