import { toPath, type ErrorListProps, type RJSFValidationError } from "@rjsf/utils";

import { ErrorSummary, focusErrorTarget, type ErrorSummaryItem } from "../../../errors/error-summary.tsx";
import { getErrorTargetSuffix } from "../../../errors/transform-errors.ts";

/** The id of the control an error summary link points to: the field's id, or a part of it (a date's year box). */
function getErrorTargetId(error: RJSFValidationError, idPrefix = "root", idSeparator = "_"): string {
  const path = toPath(error.property ?? "").filter((segment) => segment !== "");
  const id = [idPrefix, ...path].join(idSeparator);
  return id + (getErrorTargetSuffix(error) ?? "");
}

/**
 * The GOV.UK error summary at the top of the form after a failed submit, linking each message to its question with
 * the same words as the message by the question. GovukForm moves focus to it.
 */
export default function ErrorListTemplate({ errors, registry }: ErrorListProps) {
  const { idPrefix, idSeparator } = registry.globalFormOptions;
  const seen = new Set<string>();
  const items: ErrorSummaryItem[] = [];
  for (const error of errors) {
    const targetId = getErrorTargetId(error, idPrefix, idSeparator);
    const text = error.message ?? error.stack;
    const key = `${targetId}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      key,
      text,
      href: `#${targetId}`,
      onClick: (event) => {
        if (focusErrorTarget(targetId)) event.preventDefault();
      },
    });
  }
  return <ErrorSummary items={items} />;
}
