import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";

import { policyMetaSchema, validatePolicy } from "@steward/policy-config";
import {
  ErrorPage,
  ErrorSummary,
  formatDateTime,
  getErrorCode,
  humanise,
  Loading,
  readProblems,
  SuccessBanner,
  Tag,
  useCan,
  usePageTitle,
  useTRPC,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { SECTION_EDITORS } from "./editors/registry.ts";
import { toRjsfId } from "./meta-form.tsx";
import { STATUS_COLOUR, useRefreshPolicy, useVersion, versionName, type PolicyProblem } from "./policy-hooks.ts";
import { LazyDetails } from "./sections/json-details.tsx";
import { JsonEditor } from "./sections/json-editor.tsx";
import { SectionView } from "./sections/section-view.tsx";
import { StudioContext } from "./studio-context.ts";

type Version = RouterOutputs["policy"]["get"];
type PolicyJson = Record<string, unknown>;

const metaProperties = policyMetaSchema.properties as Record<string, { title?: string }>;
/** The document's sections, in the meta-schema's order, named by its titles. */
export const SECTIONS = Object.keys(metaProperties)
  .filter((key) => key !== "$schema" && key !== "formatVersion")
  .map((key) => ({ key, title: metaProperties[key]?.title ?? humanise(key) }));

const sectionOf = (pointer: string) => pointer.split("/")[1] ?? "";

function firstSection(): string {
  const [first] = SECTIONS;
  if (!first) throw new Error("The policy meta-schema has no sections to edit.");
  return first.key;
}

/** The section shown, from the address (`?section=`), and a way to show another. */
function useSection(): [string, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  return [params.get("section") ?? firstSection(), (key) => setParams({ section: key })];
}

export function EditorPage() {
  const { versionId = "" } = useParams();
  const version = useVersion(versionId);
  const can = useCan();
  usePageTitle(version.data ? versionName(version.data) : "Policy version");
  if (version.isPending) return <Loading what="Loading the policy" />;
  if (version.isError) return <ErrorPage error={version.error} title="Policy version not found" />;
  if (version.data.status !== "draft" || !can("update Policy")) return <ReadOnlyVersion version={version.data} />;
  return <DraftEditor key={version.data.id} version={version.data} />;
}

function VersionHeader({ version, children }: { version: Version; children?: ReactNode }) {
  return (
    <>
      <Link to="/policy" className="govuk-back-link">
        Back to policy versions
      </Link>
      <span className="govuk-caption-l">
        {version.title} {version.period}
      </span>
      <h1 className="govuk-heading-l">
        {versionName(version)} <Tag colour={STATUS_COLOUR[version.status]}>{humanise(version.status)}</Tag>
      </h1>
      {children}
    </>
  );
}

function ReadOnlyVersion({ version }: { version: Version }) {
  const json: PolicyJson = version.document;
  const [section, setSection] = useSection();
  const [openItem, setOpenItem] = useOpenItem(section);
  const studio = useMemo(() => ({ versionId: version.id, doc: json, readonly: true }), [version.id, json]);
  const sectionEditor = SECTION_EDITORS[section];
  const title = SECTIONS.find((s) => s.key === section)?.title ?? section;
  return (
    <StudioContext value={studio}>
      <VersionHeader version={version}>
        <p className="govuk-body">
          This version is {version.status}: it cannot change. Start a new draft from it on the versions page to make
          changes.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/policy/${version.id}/preview`}>
            Preview its forms and letters
          </Link>
        </p>
      </VersionHeader>
      <SectionNav section={section} onChoose={setSection} counts={{}} />
      {sectionEditor ? (
        <sectionEditor.component section={section} value={json[section]} onChange={() => {}} problems={[]} readonly />
      ) : (
        <SectionView
          key={section}
          section={section}
          title={title}
          doc={json}
          problems={[]}
          openItem={openItem}
          onOpenItem={setOpenItem}
        />
      )}
    </StudioContext>
  );
}

/** The one item of the section's list whose form is open; none when another section is shown. */
function useOpenItem(section: string): [number | undefined, (index: number | undefined) => void] {
  const [open, setOpen] = useState<{ section: string; index: number }>();
  return [
    open?.section === section ? open.index : undefined,
    (index) => setOpen(index === undefined ? undefined : { section, index }),
  ];
}

function SectionNav({
  section,
  onChoose,
  counts,
}: {
  section: string;
  onChoose: (key: string) => void;
  counts: Record<string, number>;
}) {
  return (
    <nav className="steward-sub-navigation" aria-label="Policy sections">
      <ul className="steward-sub-navigation__list">
        {SECTIONS.map((s) => (
          <li key={s.key} className="steward-sub-navigation__item">
            <a
              href={`?section=${s.key}`}
              className="govuk-link steward-sub-navigation__link"
              aria-current={s.key === section ? "page" : undefined}
              onClick={(event) => {
                event.preventDefault();
                onChoose(s.key);
              }}
            >
              {s.key === section ? <strong>{s.title}</strong> : s.title}
              {counts[s.key] ? (
                <>
                  {" "}
                  <span className="steward-count">
                    {counts[s.key]}
                    <span className="govuk-visually-hidden"> {counts[s.key] === 1 ? "problem" : "problems"}</span>
                  </span>
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The draft being edited: the document, its live problems (validated a moment after each change by the
 * same validator the server uses), and saving it with the revision it started from.
 */
function useDraft(version: Version) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshPolicy();
  const [doc, setDoc] = useState<PolicyJson>(version.document);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(version.document));
  const [revision, setRevision] = useState(version.revision);
  const [problems, setProblems] = useState<PolicyProblem[]>(version.problems);
  const [saveProblems, setSaveProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  const dirty = useMemo(() => JSON.stringify(doc) !== savedJson, [doc, savedJson]);

  useEffect(() => {
    const timer = window.setTimeout(() => setProblems(validatePolicy(doc).problems as PolicyProblem[]), 250);
    return () => window.clearTimeout(timer);
  }, [doc]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const save = useMutation(
    trpc.policy.updateDraft.mutationOptions({
      onSuccess: async (result, input) => {
        setRevision(result.revision);
        setSavedJson(JSON.stringify(input.document));
        setProblems(result.problems);
        setSaveProblems([]);
        setSaved(savedMessage(result.updatedAt, result.problems.length));
        await refresh();
      },
      onError: (e) => {
        setSaved(undefined);
        setSaveProblems(
          getErrorCode(e) === "stale" ? readProblems(e) : readProblems(e).map((p) => ({ message: p.message })),
        );
      },
    }),
  );
  /** Saves the draft if it changed, then goes to `path` (if given). */
  const saveThen = (path?: string) => {
    if (!dirty) return path ? void navigate(path) : undefined;
    save.mutate(
      { id: version.id, revision, document: doc },
      { onSuccess: () => (path ? void navigate(path) : undefined) },
    );
  };
  const updateSection = (section: string, value: unknown) =>
    setDoc((current) =>
      JSON.stringify(current[section]) === JSON.stringify(value) ? current : { ...current, [section]: value },
    );
  const replaceDoc = (value: unknown) => {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) setDoc({ ...value });
  };
  return {
    doc,
    revision,
    problems,
    saveProblems,
    saved,
    dirty,
    saving: save.isPending,
    saveThen,
    updateSection,
    replaceDoc,
  };
}

function savedMessage(updatedAt: string, problems: number): string {
  const toFix = problems
    ? `, with ${problems} problem${problems === 1 ? "" : "s"} to fix before it can be published`
    : "";
  return `Draft saved at ${formatDateTime(updatedAt)}${toFix}`;
}

/** The draft editor: one section of the document at a time, as forms and as JSON; each problem shows at its field. */
function DraftEditor({ version }: { version: Version }) {
  const [section, setSection] = useSection();
  const [openItem, setOpenItem] = useOpenItem(section);
  const draft = useDraft(version);
  const { problems, dirty } = draft;
  const counts = useMemo(() => {
    const result: Record<string, number> = {};
    for (const p of problems)
      if (p.severity === "error") result[sectionOf(p.pointer)] = (result[sectionOf(p.pointer)] ?? 0) + 1;
    return result;
  }, [problems]);
  const sectionProblems = problems.filter((p) => sectionOf(p.pointer) === section);
  const errors = problems.filter((p) => p.severity === "error").length;
  const title = SECTIONS.find((s) => s.key === section)?.title ?? section;
  usePageTitle(`Edit ${title}: ${versionName(version)}`);
  const update = (value: unknown) => draft.updateSection(section, value);
  const studio = useMemo(() => ({ versionId: version.id, doc: draft.doc, readonly: false }), [version.id, draft.doc]);
  const reveal = (pointer: string) => {
    const index = Number(pointer.split("/")[2]);
    if (Array.isArray(draft.doc[section]) && Number.isInteger(index)) setOpenItem(index);
  };
  return (
    <StudioContext value={studio}>
      <div className="steward-studio">
        <VersionHeader version={version}>
          <p className="govuk-body" role="status">
            {dirty ? "You have unsaved changes." : `Saved (revision ${draft.revision}).`}{" "}
            {errors === 0
              ? "No problems: this draft can be published."
              : `${errors} problem${errors === 1 ? "" : "s"} to fix before it can be published.`}
          </p>
        </VersionHeader>
        {draft.saved && (
          <SuccessBanner>
            <p className="govuk-notification-banner__heading">{draft.saved}</p>
          </SuccessBanner>
        )}
        <ErrorSummary problems={draft.saveProblems} title="The draft was not saved" />
        <DraftButtons versionId={version.id} dirty={dirty} saving={draft.saving} saveThen={draft.saveThen} />
        <SectionNav section={section} onChoose={setSection} counts={counts} />
        <h2 className="govuk-heading-l">{title}</h2>
        {sectionProblems.length > 0 && <SectionProblems problems={sectionProblems} onReveal={reveal} />}
        <OtherSections section={section} problems={problems} counts={counts} onChoose={setSection} />
        <SectionBody
          key={section}
          section={section}
          title={title}
          doc={draft.doc}
          problems={sectionProblems}
          openItem={openItem}
          onOpenItem={setOpenItem}
          onChange={update}
        />
        <LazyDetails summary="Edit the whole policy as JSON">
          {() => (
            <JsonEditor
              id="json-document"
              label="The whole policy as JSON"
              value={draft.doc}
              pointers={problems.map((p) => p.pointer)}
              onChange={draft.replaceDoc}
            />
          )}
        </LazyDetails>
      </div>
    </StudioContext>
  );
}

/** A section: its own editor where it has one (with every field as a form a click away), else its forms and JSON. */
function SectionBody(props: {
  section: string;
  title: string;
  doc: PolicyJson;
  problems: PolicyProblem[];
  openItem: number | undefined;
  onOpenItem: (index: number | undefined) => void;
  onChange: (value: unknown) => void;
}) {
  const { section, doc, problems, onChange } = props;
  const sectionEditor = SECTION_EDITORS[section];
  const [generic, setGeneric] = useState(false);
  return (
    <>
      {sectionEditor && (
        <p className="govuk-body">
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setGeneric((g) => !g)}>
            {generic ? sectionEditor.label : "Every field as a form, and as JSON"}
          </button>
        </p>
      )}
      {sectionEditor && !generic ? (
        <sectionEditor.component
          key={section}
          section={section}
          value={doc[section]}
          onChange={onChange}
          problems={problems}
          readonly={false}
        />
      ) : (
        <SectionView {...props} />
      )}
    </>
  );
}

/** Save, and the next steps (changes, preview, publish), each saving first if the draft changed. */
function DraftButtons({
  versionId,
  dirty,
  saving,
  saveThen,
}: {
  versionId: string;
  dirty: boolean;
  saving: boolean;
  saveThen: (path?: string) => void;
}) {
  return (
    <div className="govuk-button-group">
      <button
        type="button"
        className="govuk-button"
        data-module="govuk-button"
        disabled={saving || !dirty}
        onClick={() => saveThen()}
      >
        Save the draft
      </button>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => saveThen(`/policy/${versionId}/diff`)}
      >
        {dirty ? "Save and see" : "See"} the changes
      </button>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => saveThen(`/policy/${versionId}/preview`)}
      >
        {dirty ? "Save and preview" : "Preview"} forms and letters
      </button>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => saveThen(`/policy/${versionId}/publish`)}
      >
        {dirty ? "Save and publish" : "Publish"}
      </button>
    </div>
  );
}

/** "Other sections have N problems": a link to each section with errors. */
function OtherSections({
  section,
  problems,
  counts,
  onChoose,
}: {
  section: string;
  problems: PolicyProblem[];
  counts: Record<string, number>;
  onChoose: (key: string) => void;
}) {
  const otherErrors = problems.filter((p) => p.severity === "error" && sectionOf(p.pointer) !== section);
  if (otherErrors.length === 0) return null;
  return (
    <p className="govuk-body-s">
      Other sections have {otherErrors.length} problem{otherErrors.length === 1 ? "" : "s"}:{" "}
      {Object.entries(counts)
        .filter(([k]) => k !== section)
        .map(([k, n], i) => (
          <span key={k}>
            {i > 0 && ", "}
            <a href={`?section=${k}`} className="govuk-link" onClick={(e) => (e.preventDefault(), onChoose(k))}>
              {SECTIONS.find((s) => s.key === k)?.title ?? k} ({n})
            </a>
          </span>
        ))}
    </p>
  );
}

/** This section's problems, each linked to its field. Shown as the user types, so it does not take focus. */
function SectionProblems({ problems, onReveal }: { problems: PolicyProblem[]; onReveal: (pointer: string) => void }) {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  const item = (p: PolicyProblem, i: number) => (
    <li key={`${p.pointer}-${i}`}>
      <a
        href={`#${toRjsfId(p.pointer)}`}
        onClick={(event) => {
          event.preventDefault();
          // The field may be in a list item not open yet: open it, then go to the field once it is drawn.
          onReveal(p.pointer);
          window.setTimeout(() => {
            const target = document.getElementById(toRjsfId(p.pointer));
            target?.focus();
            target?.scrollIntoView({ block: "center" });
          });
        }}
      >
        {p.where}: {p.message}
      </a>
    </li>
  );
  return (
    <div className={errors.length ? "govuk-error-summary" : "govuk-inset-text"} data-testid="section-problems">
      <h3 className={errors.length ? "govuk-error-summary__title" : "govuk-heading-s"}>
        {errors.length ? `${errors.length} problem${errors.length === 1 ? "" : "s"} in this section` : "Worth a look"}
      </h3>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {errors.slice(0, 30).map(item)}
          {warnings.slice(0, 10).map((p, i) => (
            <li key={`w-${p.pointer}-${i}`} className="govuk-body-s">
              Warning: {p.where}: {p.message}
            </li>
          ))}
        </ul>
        {errors.length > 30 && <p className="govuk-body-s">And {errors.length - 30} more.</p>}
      </div>
    </div>
  );
}
