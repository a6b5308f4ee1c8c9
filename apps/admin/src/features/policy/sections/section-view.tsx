import { useMemo } from "react";

import {
  collectRefTargets,
  getStudioSectionSchema,
  isSchema,
  withRefChoices,
  type RefTargets,
  type Schema,
} from "../fields/studio-schema.ts";
import { toErrorSchema } from "../meta-form.tsx";
import type { PolicyProblem } from "../policy-hooks.ts";
import { LazyDetails } from "./json-details.tsx";
import { JsonEditor } from "./json-editor.tsx";
import { ListSection } from "./list-section.tsx";
import { SchemaForm } from "./schema-form.tsx";

const isRefTargets = (value: unknown): value is RefTargets =>
  isSchema(value) && Object.values(value).every((targets) => Array.isArray(targets));

/**
 * The studio's schema for a section of the draft, its references offered from what the draft holds now. It keeps
 * its identity while the collections' keys and labels stay the same, so typing in a form does not redraw it.
 */
function useSectionSchema(section: string, doc: Record<string, unknown>): { schema: Schema; targets: RefTargets } {
  const base = useMemo(() => getStudioSectionSchema(section), [section]);
  const targetsJson = useMemo(() => JSON.stringify(collectRefTargets(base, doc)), [base, doc]);
  return useMemo(() => {
    const parsed: unknown = JSON.parse(targetsJson);
    const targets: RefTargets = isRefTargets(parsed) ? parsed : {};
    const schema = withRefChoices(base, targets);
    return { schema: isSchema(schema) ? schema : base, targets };
  }, [base, targetsJson]);
}

export interface SectionViewProps {
  section: string;
  title: string;
  doc: Record<string, unknown>;
  problems: PolicyProblem[];
  openItem: number | undefined;
  onOpenItem: (index: number | undefined) => void;
  /** Absent for a version that cannot change. */
  onChange?: ((value: unknown) => void) | undefined;
}

/** A section as forms: a list section as its list of items (one open at a time), any other as one form; and as JSON. */
export function SectionView({ section, title, doc, problems, openItem, onOpenItem, onChange }: SectionViewProps) {
  const { schema, targets } = useSectionSchema(section, doc);
  const value = doc[section];
  const errors = useMemo(
    () =>
      toErrorSchema(
        problems.filter((p) => p.severity === "error"),
        section,
      ),
    [problems, section],
  );
  return (
    <>
      {schema.type === "array" ? (
        <ListSection
          section={section}
          title={title}
          schema={schema}
          value={value}
          targets={targets}
          problems={problems}
          open={openItem}
          onOpen={onOpenItem}
          onChange={onChange}
        />
      ) : (
        <section aria-label={`${title}: form`}>
          <SchemaForm
            idPrefix={section}
            schema={schema}
            value={value}
            extraErrors={errors}
            readonly={!onChange}
            onChange={onChange}
          />
        </section>
      )}
      {onChange && (
        <LazyDetails summary={`Edit ${title.toLowerCase()} as JSON`}>
          {() => (
            <JsonEditor
              id={`json-${section}`}
              label={`${title} as JSON`}
              value={value}
              pointers={problems.map((p) => p.pointer)}
              onChange={onChange}
            />
          )}
        </LazyDetails>
      )}
    </>
  );
}
