import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

import { GovukForm } from "../govuk-form/govuk-form.tsx";
import { getPages } from "../multi-page/pages.ts";
import { FormSummary } from "../summary/form-summary.tsx";
import type { FindFormRenderProblem } from "./render-check-types.ts";

export type { FindFormRenderProblem, JsonObject } from "./render-check-types.ts";

// What rjsf draws in place of a part it cannot draw (rjsf's own configuration error, and this theme's unsupported
// field): the form then shows a developer's message, so it counts as not drawn.
const DRAWN_PROBLEM = /<(p|div)[^>]*(?:class="rjsf-config-error"|data-form-problem="")[^>]*>([\s\S]*?)<\/\1>/;

function findDrawnProblem(html: string): string | undefined {
  const match = DRAWN_PROBLEM.exec(html);
  if (!match) return undefined;
  return (match[2] ?? "")
    .replace(/<pre[\s\S]*?<\/pre>/g, "")
    .replace(/<[^>]+>/g, "")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ")
    .trim();
}

export const findFormRenderProblem: FindFormRenderProblem = (schema, uiSchema, formData) => {
  const rjsfSchema: RJSFSchema = schema;
  const rjsfUi: UiSchema | undefined = uiSchema;
  const pages = getPages(rjsfSchema, rjsfUi);
  try {
    const drawn: string[] = [];
    for (let page = 0; page <= (pages?.length ?? 0); page++)
      drawn.push(
        renderToString(createElement(GovukForm, { schema: rjsfSchema, uiSchema: rjsfUi, formData, initialPage: page })),
      );
    drawn.push(renderToString(createElement(FormSummary, { schema: rjsfSchema, uiSchema: rjsfUi, formData })));
    return drawn.map(findDrawnProblem).find((problem) => problem !== undefined);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};
