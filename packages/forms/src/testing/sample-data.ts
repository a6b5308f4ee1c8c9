import type { RJSFSchema } from "@rjsf/utils";
import { generateSync } from "json-schema-faker";

/**
 * Valid answers for a form schema, made by json-schema-faker with a fixed seed (the same data every run): every
 * optional field filled, strings kept short and within their limits, real dates and email addresses.
 */
export function createSampleData(schema: RJSFSchema, seed = 1): unknown {
  return generateSync(schema as never, {
    seed,
    alwaysFakeOptionals: true,
    minItems: 1,
    maxItems: 2,
    maxLength: 40,
  });
}
