/**
 * The render check's signature, apart from its code: packages that cannot type-check React and the DOM (the api's
 * policy worker) read it through `render-check.public.d.ts`, while running the real module.
 */
export type JsonObject = Record<string, unknown>;

/**
 * Draws a policy form on the server, every page and the "Check your answers" page and the answers' summary, in the
 * theme the apps use, with the answers given. Undefined when it draws; else what went wrong, as the form's theme
 * said it.
 */
export type FindFormRenderProblem = (
  schema: JsonObject,
  uiSchema: JsonObject | undefined,
  formData: unknown,
) => string | undefined;
