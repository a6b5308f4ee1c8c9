import {
  RJSF_ADDITIONAL_PROPERTIES_FLAG,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
  type ValidatorType,
} from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";

import { createAjv } from "@steward/policy-config";

/** The Ajv rjsf would build, which this module replaces with the server's. */
type RjsfAjv = Parameters<NonNullable<NonNullable<Parameters<typeof customizeValidator>[0]>["extenderFn"]>>[0];

/** The formats rjsf registers itself for its own widgets (a file as a data URL, a colour). */
const RJSF_FORMATS = ["data-url", "color"] as const;

/**
 * The server's Ajv (policy-config's `createAjv`: JSON Schema 2020-12, Steward's options and formats such as `date`,
 * `email`, `uri`) with what rjsf adds to its own: the `data-url` and `color` formats and its additional-properties
 * keyword, copied from the instance rjsf built.
 */
function toServerAjv(rjsfAjv: RjsfAjv): RjsfAjv {
  const ajv = createAjv();
  for (const name of RJSF_FORMATS) {
    const format = rjsfAjv.formats[name];
    if (format !== undefined) ajv.addFormat(name, format);
  }
  ajv.addKeyword(RJSF_ADDITIONAL_PROPERTIES_FLAG);
  return ajv;
}

/**
 * An rjsf validator typed for one form's data: `createValidator<VisitReport>()`. It validates with the server's Ajv
 * (policy-config's `createAjv`), so the browser accepts exactly the answers the server accepts. rjsf's generics are
 * invariant, so each form makes its own.
 */
export function createValidator<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(): ValidatorType<T, S, F> {
  // rjsf builds a draft-07 Ajv first; the extender swaps in the server's, so skip adding formats to the discarded one.
  return customizeValidator<T, S, F>({ ajvFormatOptions: false, extenderFn: toServerAjv });
}

/** The validator GovukForm uses when it is given none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared across forms of every data type
export const defaultValidator: ValidatorType<any, RJSFSchema, any> = createValidator<any, RJSFSchema, any>();
