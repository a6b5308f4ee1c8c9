import { useEffect, useRef, type ReactNode } from "react";
import { Link } from "react-router";

import { readProblems } from "../lib/api-error.ts";
import { formatDate } from "../lib/format.ts";
import { sanitiseHtml } from "../lib/sanitise-html.ts";
import { getTagClassName } from "../lib/tag-colour.ts";
import { usePageTitle } from "./page-title.tsx";

/** A GOV.UK tag in a policy colour. The label is always the text: colour never carries meaning alone. */
export function Tag({ colour, children }: { colour?: string | undefined; children: ReactNode }) {
  return <strong className={getTagClassName(colour)}>{children}</strong>;
}

export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="govuk-body" role="status">
      {what}…
    </p>
  );
}

/** A query that failed: the API's sentence, in an error summary. */
export function QueryError({ error, title = "There is a problem" }: { error: unknown; title?: string }) {
  const problems = readProblems(error);
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {problems.map((p, i) => (
            <p className="govuk-body" key={i}>
              {p.message}
            </p>
          ))}
        </div>
      </div>
    </div>
  );
}

/** A whole page that could not load (not found, not allowed). */
export function ErrorPage({ error, title = "Sorry, this page is not available" }: { error: unknown; title?: string }) {
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      {readProblems(error).map((p, i) => (
        <p className="govuk-body" key={i}>
          {p.message}
        </p>
      ))}
    </>
  );
}

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  action?: ReactNode;
}

export function SummaryList({
  rows,
  noBorder,
}: {
  rows: (SummaryRow | false | null | undefined)[];
  noBorder?: boolean;
}) {
  const shown = rows.filter((r): r is SummaryRow => Boolean(r));
  const hasActions = shown.some((r) => Boolean(r.action));
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}`}>
      {shown.map((row, index) => (
        <div
          className={`govuk-summary-list__row${hasActions && !row.action ? " govuk-summary-list__row--no-actions" : ""}`}
          key={index}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action && <dd className="govuk-summary-list__actions">{row.action}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** The green "success" banner; it takes focus so the outcome is announced. */
export function SuccessBanner({ title = "Success", children }: { title?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      data-module="govuk-notification-banner"
      tabIndex={-1}
      ref={ref}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

export function ImportantBanner({ title = "Important", children }: { title?: string; children: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner"
      role="region"
      aria-labelledby="important-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="important-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** A letter's HTML, cleaned, in a bordered panel. */
export function LetterHtml({ html, label }: { html: string; label: string }) {
  return (
    <div
      className="steward-letter"
      role="document"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: sanitiseHtml(html) }}
    />
  );
}

/** What a letter asks the school to do, each by its date (the LA's and the school's view of a letter alike). */
export function LetterActions({ actions }: { actions: readonly { text: string; due: string }[] }) {
  return (
    <ul className="govuk-list govuk-list--bullet">
      {actions.map((action, index) => (
        <li key={index}>
          {action.text} (by {formatDate(action.due)})
        </li>
      ))}
    </ul>
  );
}

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

export function Pagination({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const pages = Math.ceil(total / limit);
  if (pages <= 1) return null;
  const current = Math.floor(offset / limit) + 1;
  const go = (page: number) => (event: React.MouseEvent) => {
    event.preventDefault();
    onChange((page - 1) * limit);
  };
  const numbers = [...new Set([1, current - 1, current, current + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav className="govuk-pagination" aria-label="Pages">
      {current > 1 && (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href="#" rel="prev" onClick={go(current - 1)}>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
      <ul className="govuk-pagination__list">
        {numbers.map((n, i) => (
          <li key={n} className={`govuk-pagination__item${n === current ? " govuk-pagination__item--current" : ""}`}>
            {(numbers[i - 1] ?? n) < n - 1 && <span className="govuk-visually-hidden">…</span>}
            <a
              className="govuk-link govuk-pagination__link"
              href="#"
              aria-label={`Page ${n}`}
              aria-current={n === current ? "page" : undefined}
              onClick={go(n)}
            >
              {n}
            </a>
          </li>
        ))}
      </ul>
      {current < pages && (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href="#" rel="next" onClick={go(current + 1)}>
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
    </nav>
  );
}
