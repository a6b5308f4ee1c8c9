import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

import { GovukForm } from "@steward/forms";
import type { LetterType } from "@steward/policy-config";
import { ErrorPage, LetterHtml, Loading, readProblems, usePageTitle, useTRPC } from "@steward/ui";

import { useVersion, versionName } from "./policy-hooks.ts";

/**
 * A letter type rendered by the API with example merge fields, exactly as the engine renders a real
 * letter (the same Liquid, every merged value escaped). The version is the saved one: the editor
 * saves a draft before it opens this page.
 */
function LetterPreview({ versionId, letterType }: { versionId: string; letterType: LetterType }) {
  const trpc = useTRPC();
  const preview = useQuery(
    trpc.policy.previewLetter.queryOptions({ id: versionId, letterType: letterType.key }, { staleTime: 0 }),
  );
  if (preview.isPending) return <Loading what="Rendering the letter" />;
  if (preview.isError) {
    return (
      <p className="govuk-error-message">
        <span className="govuk-visually-hidden">Error:</span> This letter does not render:{" "}
        {readProblems(preview.error)
          .map((p) => p.message)
          .join(" ")}
      </p>
    );
  }
  return (
    <>
      <p className="govuk-body">
        <span className="govuk-!-font-weight-bold">Subject:</span> {preview.data.subject}
      </p>
      <LetterHtml html={preview.data.html} label={`${letterType.label}, preview`} />
    </>
  );
}

/** Every form and letter of a version as the school (or the officer) will see it, with example data. */
export function PreviewPage() {
  const { versionId = "" } = useParams();
  const version = useVersion(versionId);
  const [open, setOpen] = useState<string>();
  usePageTitle(version.data ? `Preview of ${versionName(version.data)}` : "Preview");
  if (version.isPending) return <Loading />;
  if (version.isError) return <ErrorPage error={version.error} title="Policy version not found" />;
  const policy = version.data.inShape ? version.data.document : undefined;
  return (
    <>
      <Link to={`/policy/${versionId}`} className="govuk-back-link">
        Back to {versionName(version.data)}
      </Link>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{versionName(version.data)}</span>
        Forms and letters
      </h1>
      {!policy && (
        <p className="govuk-body">
          This draft is not in the policy&apos;s shape yet, so its forms and letters cannot be shown.{" "}
          <Link className="govuk-link" to={`/policy/${versionId}`}>
            Fix its problems in the editor
          </Link>
          .
        </p>
      )}
      <h2 className="govuk-heading-m">Forms</h2>
      {(policy?.forms ?? []).map((form) => (
        <details
          className="govuk-details"
          key={form.key}
          open={open === `form-${form.key}`}
          onToggle={(e) => (e.currentTarget.open ? setOpen(`form-${form.key}`) : undefined)}
        >
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {form.title} ({form.audience === "school" ? "completed by the school" : "completed by LA staff"})
            </span>
          </summary>
          <div className="govuk-details__text steward-preview">
            {open === `form-${form.key}` && (
              <GovukForm
                schema={form.schema as never}
                uiSchema={{
                  ...(form.uiSchema as object),
                  "ui:submitButtonOptions": { submitText: "Submit (preview only)" },
                }}
                idPrefix={`preview-${form.key}`}
                formContext={{ govuk: { showTitle: false } }}
                onSubmit={() => undefined}
              />
            )}
          </div>
        </details>
      ))}
      <h2 className="govuk-heading-m">Letters and notices</h2>
      {(policy?.letterTypes ?? []).map((letterType) => (
        <details
          className="govuk-details"
          key={letterType.key}
          open={open === `letter-${letterType.key}`}
          onToggle={(e) => (e.currentTarget.open ? setOpen(`letter-${letterType.key}`) : undefined)}
        >
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {letterType.label} (
              {letterType.visibleToSchool ? "the school sees it once issued" : "not shown to the school"})
            </span>
          </summary>
          <div className="govuk-details__text steward-preview">
            {open === `letter-${letterType.key}` && <LetterPreview versionId={versionId} letterType={letterType} />}
          </div>
        </details>
      ))}
    </>
  );
}
