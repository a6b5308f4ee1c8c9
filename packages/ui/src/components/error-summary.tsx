import { useEffect, useRef } from "react";

import { toFieldId, type Problem } from "../lib/api-error.ts";

/**
 * The GOV.UK error summary. It takes focus when it appears (or its problems change), so a
 * screen reader announces it and a keyboard user can follow each link to its field.
 */
export function ErrorSummary({ problems, title = "There is a problem" }: { problems: Problem[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = problems.map((p) => `${p.pointer}:${p.message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (problems.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((problem, index) => {
              const id = toFieldId(problem.pointer);
              return (
                <li key={`${problem.pointer}-${index}`}>
                  {id ? (
                    <a
                      href={`#${id}`}
                      onClick={(event) => {
                        const target = document.getElementById(id);
                        if (!target) return;
                        event.preventDefault();
                        target.focus();
                        target.scrollIntoView({ block: "center" });
                      }}
                    >
                      {problem.message}
                    </a>
                  ) : (
                    <span>{problem.message}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The message for one field, from a list of problems. */
export function fieldError(problems: Problem[], name: string): string | undefined {
  return problems.find((p) => toFieldId(p.pointer) === name)?.message;
}
