import type { FormContextType, RJSFSchema, StrictRJSFSchema, ValidatorType } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";

import { AJV_OPTIONS, Ajv2020 } from "@steward/policy-config";

/**
 * An rjsf validator typed for one form's data: `createValidator<VisitReport>()`. It is the server's Ajv
 * (policy-config's `Ajv2020` class and `AJV_OPTIONS`: JSON Schema 2020-12, formats such as `date`, `email`,
 * `uri`), so the browser accepts exactly the answers the server accepts. rjsf's generics are invariant, so
 * each form makes its own.
 */
export function createValidator<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(): ValidatorType<T, S, F> {
  return customizeValidator<T, S, F>({
    // rjsf types AjvClass as draft-07's Ajv; Ajv2020 has the same API for the 2020-12 dialect.
    AjvClass: Ajv2020 as unknown as NonNullable<Parameters<typeof customizeValidator>[0]>["AjvClass"],
    ajvOptionsOverrides: { ...AJV_OPTIONS },
  });
}

/** The validator GovukForm uses when it is given none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared across forms of every data type
export const defaultValidator: ValidatorType<any, RJSFSchema, any> = createValidator<any, RJSFSchema, any>();
