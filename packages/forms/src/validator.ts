import { customizeValidator } from "@rjsf/validator-ajv8";
import type { FormContextType, RJSFSchema, StrictRJSFSchema, ValidatorType } from "@rjsf/utils";

/**
 * An rjsf validator (ajv 8 with formats: `date`, `email`, `uri`, …) typed for one form's data. rjsf's generics are
 * invariant, so each form makes its own: `createValidator<VisitReport>()`.
 */
export function createValidator<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(): ValidatorType<T, S, F> {
  return customizeValidator<T, S, F>();
}

/** The validator GovukForm uses when it is given none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared across forms of every data type
export const defaultValidator: ValidatorType<any, RJSFSchema, any> = createValidator<any, RJSFSchema, any>();
