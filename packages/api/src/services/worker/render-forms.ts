import { findFormRenderProblem } from "@steward/forms/render-check";
import { describePointer, type PolicyDocument, type Problem } from "@steward/policy-config";

import { sampleFromSchema } from "../../demo/sample-data.ts";

const WHO = { la: "LA staff", school: "Schools" } as const;

/**
 * Draws every form a policy publishes, as the admin and portal draw it (each page, "Check your answers", the
 * answers' summary), with sample answers: a form that would show its reader an error instead of its questions is an
 * error at the form, which stops the version being published.
 */
export function findFormRenderProblems(document: PolicyDocument): Problem[] {
  return document.forms.flatMap((form, index): Problem[] => {
    const answers = sampleFromSchema(form.schema, { date: "2026-09-01" });
    const problem = findFormRenderProblem(form.schema, form.uiSchema, answers);
    if (problem === undefined) return [];
    const pointer = `/forms/${index}`;
    return [
      {
        pointer,
        where: describePointer(document, pointer),
        message: `${WHO[form.audience]} would see an error instead of the form "${form.title}": ${problem}`,
        severity: "error",
        code: "form.render",
      },
    ];
  });
}
