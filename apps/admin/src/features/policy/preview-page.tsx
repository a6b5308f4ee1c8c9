import { ErrorPage, LetterHtml, Loading, usePageTitle } from "@steward/ui";
import { GovukForm } from "@steward/forms";
import type { LetterType, PolicyDocument } from "@steward/policy-config";
import { Liquid } from "liquidjs";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { useVersion, versionName } from "./policy-hooks.ts";

/** Liquid as the server renders letters: merged values escaped, no files. */
const liquid = new Liquid({ outputEscape: "escape", strictFilters: true, ownPropertyOnly: true, fs: { exists: async () => false, existsSync: () => false, readFile: async () => "", readFileSync: () => "", resolve: (_r: string, f: string) => f, contains: async () => false, dirname: () => "", sep: "/" }, root: [] });

/** Made-up merge fields for a preview: an example school, today's date. */
function sampleContext(policy: PolicyDocument, letterType: LetterType) {
  const date = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return {
    authority: { name: policy.authority.name },
    school: { name: "Example Primary School", urn: 100000, address: "1 School Lane, Example Town", headteacher: "Alex Example", chairOfGovernors: "Sam Example" },
    case: { category: policy.categories[0]?.label ?? "", stage: policy.escalation.stages[0]?.label ?? "" },
    officer: { name: "An Officer", jobTitle: policy.roles.find((r) => r.audience === "la")?.label ?? "", email: "officer@example.org" },
    letter: { type: letterType.label, date, reference: `${policy.authority.laCode}/100000/EXAMPLE`, deadline: letterType.deadline ? date : undefined, reviewDate: letterType.reviewAfter ? date : undefined, notes: "The officer's own paragraph appears here." },
    recipient: { name: "The Chair of Governors", role: letterType.recipients[0]?.label ?? "Chair of Governors" },
    indicators: letterType.indicators.slice(0, Math.max(1, letterType.minimumIndicators)).map((i) => ({ text: i.text, evidence: "The evidence the officer gives." })),
    actions: [{ text: "An action the school must take", due: date }],
  };
}

function LetterPreview({ policy, letterType }: { policy: PolicyDocument; letterType: LetterType }) {
  const rendered = useMemo(() => {
    try {
      const context = sampleContext(policy, letterType);
      return { subject: liquid.parseAndRenderSync(letterType.template.subject, context) as string, html: liquid.parseAndRenderSync(letterType.template.body, context) as string };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [policy, letterType]);
  if ("error" in rendered) return <p className="govuk-error-message">This template does not render: {rendered.error}</p>;
  return (
    <>
      <p className="govuk-body">
        <span className="govuk-!-font-weight-bold">Subject:</span> {rendered.subject}
      </p>
      <LetterHtml html={rendered.html} label={`${letterType.label}, preview`} />
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
  const policy = version.data.document as unknown as PolicyDocument;
  return (
    <>
      <Link to={`/policy/${versionId}`} className="govuk-back-link">
        Back to {versionName(version.data)}
      </Link>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{versionName(version.data)}</span>
        Forms and letters
      </h1>
      <h2 className="govuk-heading-m">Forms</h2>
      {(policy.forms ?? []).map((form) => (
        <details className="govuk-details" key={form.key} open={open === `form-${form.key}`} onToggle={(e) => (e.currentTarget.open ? setOpen(`form-${form.key}`) : undefined)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {form.title} ({form.audience === "school" ? "completed by the school" : "completed by LA staff"})
            </span>
          </summary>
          <div className="govuk-details__text steward-preview">
            {open === `form-${form.key}` && (
              <GovukForm schema={form.schema as never} uiSchema={{ ...(form.uiSchema as object), "ui:submitButtonOptions": { submitText: "Submit (preview only)" } }} idPrefix={`preview-${form.key}`} formContext={{ govuk: { showTitle: false } }} onSubmit={() => undefined} />
            )}
          </div>
        </details>
      ))}
      <h2 className="govuk-heading-m">Letters and notices</h2>
      {(policy.letterTypes ?? []).map((letterType) => (
        <details className="govuk-details" key={letterType.key} open={open === `letter-${letterType.key}`} onToggle={(e) => (e.currentTarget.open ? setOpen(`letter-${letterType.key}`) : undefined)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {letterType.label} ({letterType.visibleToSchool ? "the school sees it once issued" : "not shown to the school"})
            </span>
          </summary>
          <div className="govuk-details__text steward-preview">{open === `letter-${letterType.key}` && <LetterPreview policy={policy} letterType={letterType} />}</div>
        </details>
      ))}
    </>
  );
}
