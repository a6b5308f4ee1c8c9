import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";

import {
  ErrorSummary,
  fieldError,
  readProblems,
  SubmitButton,
  TextInput,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { useRefreshPolicy } from "./policy-hooks.ts";

/** Imports a policy file (any earlier format is upgraded) as a new draft. */
export function ImportPolicyPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshPolicy();
  const [document, setDocument] = useState<Record<string, unknown>>();
  const [label, setLabel] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  usePageTitle("Import a policy file", { error: problems.length > 0 });
  const create = useMutation(
    trpc.policy.createDraft.mutationOptions({
      onSuccess: async (v) => (await refresh(), navigate(`/policy/${v.id}`)),
      onError: (e) => setProblems(readProblems(e).map((p) => ({ ...p, pointer: "/file" }))),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!document) return setProblems([{ pointer: "/file", message: "Choose a policy file (JSON)" }]);
    create.mutate({ from: "file", document, ...(label.trim() ? { label: label.trim() } : {}) });
  };
  // The file is read as soon as it is chosen, so a file that is not JSON is reported before submitting.
  const readFile = async (file: File | undefined) => {
    if (!file) return setDocument(undefined);
    try {
      setDocument(JSON.parse(await file.text()) as Record<string, unknown>);
      setProblems([]);
    } catch (e) {
      setDocument(undefined);
      setProblems([{ pointer: "/file", message: `The file is not valid JSON: ${(e as Error).message}` }]);
    }
  };
  const error = fieldError(problems, "file");
  return (
    <>
      <Link to="/policy" className="govuk-back-link">
        Back to policy versions
      </Link>
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Import a policy file</h1>
      <form noValidate onSubmit={submit}>
        <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="file">
            Policy file
          </label>
          <div className="govuk-hint" id="file-hint">
            A JSON policy document, for example one exported from Steward. Files in an earlier format are upgraded.
          </div>
          {error && (
            <p className="govuk-error-message" id="file-error">
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          )}
          <input
            className="govuk-file-upload"
            id="file"
            type="file"
            accept=".json,application/json"
            aria-describedby={`file-hint${error ? " file-error" : ""}`}
            onChange={(event) => void readFile(event.target.files?.[0])}
          />
        </div>
        <TextInput
          id="label"
          label="Label (optional)"
          hint="For example, Consultation draft"
          value={label}
          onChange={setLabel}
        />
        <SubmitButton pending={create.isPending}>Import as a new draft</SubmitButton>
      </form>
    </>
  );
}
