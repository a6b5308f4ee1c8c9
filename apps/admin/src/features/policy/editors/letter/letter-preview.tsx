import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { letterParameterFields, type LetterType } from "@steward/policy-config";
import { LetterHtml, readProblems, useTRPC } from "@steward/ui";

/** The value after it has stopped changing for `delay` ms: a preview follows typing without a request per key. */
function useSettled<T>(value: T, delay = 600): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new object with the same content is no change
  }, [key, delay]);
  return settled;
}

function SchoolPicker({
  id,
  urn,
  onChange,
}: {
  id: string;
  urn: number | undefined;
  onChange: (urn: number | undefined) => void;
}) {
  const trpc = useTRPC();
  const schools = useQuery(trpc.schools.list.queryOptions({ limit: 1000, status: "open" }, { staleTime: 60_000 }));
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`${id}-school`}>
        School to preview with
      </label>
      <select
        className="govuk-select steward-letter-preview__school"
        id={`${id}-school`}
        value={urn ?? ""}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">An example school</option>
        {schools.data?.items.map((school) => (
          <option key={school.urn} value={school.urn}>
            {school.name} ({school.urn})
          </option>
        ))}
      </select>
    </div>
  );
}

function ParameterSamples(props: {
  id: string;
  letterType: Pick<LetterType, "parameters">;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  const { id, letterType, values, onChange } = props;
  const fields = letterParameterFields(letterType);
  if (fields.length === 0) return null;
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
        Sample values for the letter&apos;s parameters
      </legend>
      {fields.map((field) => (
        <div className="govuk-form-group" key={field}>
          <label className="govuk-label" htmlFor={`${id}-parameter-${field}`}>
            parameters.{field}
          </label>
          <input
            className="govuk-input"
            id={`${id}-parameter-${field}`}
            value={values[field] ?? ""}
            onChange={(event) => onChange({ ...values, [field]: event.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}

interface LetterPreviewProps {
  id: string;
  versionId: string;
  letterType: Pick<LetterType, "key" | "label" | "parameters">;
  template: { subject: string; body: string };
}

/**
 * The letter as it is now in the editor, rendered by the server exactly as a real letter (the version's saved
 * draft around it), against a school of the authority and sample parameters. A merge field with no value reads
 * "[not set]".
 */
export function LetterTemplatePreview({ id, versionId, letterType, template }: LetterPreviewProps) {
  const trpc = useTRPC();
  const [schoolUrn, setSchoolUrn] = useState<number>();
  const [samples, setSamples] = useState<Record<string, string>>({});
  const input = useSettled({ id: versionId, letterType: letterType.key, template, schoolUrn, parameters: samples });
  const preview = useQuery(
    trpc.policy.previewLetter.queryOptions(input, { placeholderData: keepPreviousData, retry: false }),
  );
  return (
    <section className="steward-letter-preview" aria-labelledby={`${id}-preview-heading`}>
      <h3 className="govuk-heading-s" id={`${id}-preview-heading`}>
        Preview
      </h3>
      <SchoolPicker id={id} urn={schoolUrn} onChange={setSchoolUrn} />
      <ParameterSamples id={id} letterType={letterType} values={samples} onChange={setSamples} />
      <div aria-live="polite">
        {preview.isError && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> This letter does not render:{" "}
            {readProblems(preview.error)
              .map((p) => p.message)
              .join(" ")}
          </p>
        )}
        {preview.data && (
          <>
            <p className="govuk-body">
              <span className="govuk-!-font-weight-bold">Subject:</span> {preview.data.subject}
            </p>
            <LetterHtml html={preview.data.html} label={`${letterType.label}, preview`} />
          </>
        )}
      </div>
    </section>
  );
}
