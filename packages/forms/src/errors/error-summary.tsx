import type { MouseEvent } from "react";

/** One problem in an error summary: its message and where its link goes. */
export interface ErrorSummaryItem {
  key: string;
  text: string;
  href: string;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/** The attribute that marks a GOV.UK error summary, so a failed submit can focus it. */
const ERROR_SUMMARY_ATTRIBUTE = "data-govuk-error-summary";

/**
 * The GOV.UK error summary: "There is a problem" and a link to each question in error. Focusable (`tabindex=-1`) so
 * that a failed submit can move focus to it; `role=alert` so it is announced.
 */
export function ErrorSummary({ items, title = "There is a problem" }: { items: ErrorSummaryItem[]; title?: string }) {
  return (
    <div
      className="govuk-error-summary"
      data-module="govuk-error-summary"
      tabIndex={-1}
      {...{ [ERROR_SUMMARY_ATTRIBUTE]: "" }}
    >
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {items.map((item) => (
              <li key={item.key}>
                <a href={item.href} onClick={item.onClick}>
                  {item.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Moves focus to the error summary inside `container` and scrolls it into view; false if there is none. */
export function focusErrorSummary(container: ParentNode | null | undefined): boolean {
  const summary = container?.querySelector<HTMLElement>(`[${ERROR_SUMMARY_ATTRIBUTE}]`);
  if (!summary) return false;
  summary.focus({ preventScroll: true });
  summary.scrollIntoView?.({ block: "start" });
  return true;
}

const FOCUSABLE =
  "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]";

/**
 * Moves focus to the control an error link names and scrolls its question (legend or label) into view, as GOV.UK
 * Frontend's error summary does. A container (an empty list) hands focus to its first control.
 */
export function focusErrorTarget(targetId: string): boolean {
  const element = document.getElementById(targetId);
  if (!element) return false;
  const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
  if (!target) return false;
  const question =
    target.closest("fieldset")?.querySelector("legend") ??
    (target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null);
  target.focus({ preventScroll: true });
  (question ?? target).scrollIntoView?.({ block: "start" });
  return true;
}
