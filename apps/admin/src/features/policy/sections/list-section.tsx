import { useMemo, useState } from "react";

import { isSchema, type RefTargets, type Schema } from "../fields/studio-schema.ts";
import { getLabelProperty, toErrorSchema } from "../meta-form.tsx";
import type { PolicyProblem } from "../policy-hooks.ts";
import { followLabel, getItemLabel, matchesSearch } from "./list-items.ts";
import { SchemaForm } from "./schema-form.tsx";

export interface ListSectionProps {
  section: string;
  /** The list's name, plural ("Roles"), and one item's ("Role"). */
  title: string;
  schema: Schema;
  value: unknown;
  targets: RefTargets;
  problems: PolicyProblem[];
  /** The item whose form is open, if any: only that one is drawn as a form. */
  open: number | undefined;
  onOpen: (index: number | undefined) => void;
  onChange?: ((value: unknown[]) => void) | undefined;
}

const itemIndexOf = (pointer: string) => Number(pointer.split("/")[2]);

/**
 * A list section (roles, triggers, categories, ...) as a GOV.UK summary list: one row per item, named by its label,
 * with "Change" opening that item's form (one at a time), a search by label or identifier, and add, move and
 * remove. Only the open item renders a form, so the longest list loads as fast as the shortest.
 */
const toList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The list's changes: move, remove, add (opening the new item), and an item's edit (its key following its label). */
function useListChanges(props: ListSectionProps, itemSchema: Schema) {
  const { value, open, onOpen, onChange } = props;
  const items = toList(value);
  const [fresh, setFresh] = useState<number>();
  const update = (next: unknown[]) => onChange?.(next);
  const move = (from: number, to: number) => {
    const next = [...items];
    next.splice(to, 0, ...next.splice(from, 1));
    update(next);
    if (open === from) onOpen(to);
  };
  const remove = (index: number) => {
    update(items.filter((_, i) => i !== index));
    onOpen(undefined);
    setFresh(undefined);
  };
  const add = () => {
    update([...items, {}]);
    onOpen(items.length);
    setFresh(items.length);
  };
  const changeItem = (index: number, next: unknown) => {
    const labelName = getLabelProperty(isSchema(itemSchema.properties) ? itemSchema.properties : {});
    const taken = new Set(
      items.flatMap((item, i) => (i !== index && isSchema(item) && typeof item.key === "string" ? [item.key] : [])),
    );
    const kept = fresh === index && labelName ? followLabel(items[index], next, labelName, taken) : next;
    update(items.map((item, i) => (i === index ? kept : item)));
  };
  return { items, move, remove, add, changeItem };
}

/**
 * A list section (roles, triggers, categories, ...) as a GOV.UK summary list: one row per item, named by its label,
 * with "Change" opening that item's form (one at a time), a search by label or identifier, and add, move and
 * remove. Only the open item renders a form, so the longest list loads as fast as the shortest.
 */
export function ListSection(props: ListSectionProps) {
  const { section, title, schema, targets, problems, open, onOpen, onChange } = props;
  const itemSchema = isSchema(schema.items) ? schema.items : {};
  const { items, move, remove, add, changeItem } = useListChanges(props, itemSchema);
  const singular = typeof itemSchema.title === "string" ? itemSchema.title : "Item";
  const [query, setQuery] = useState("");
  const labels = items.map((item, i) => getItemLabel(item, itemSchema, targets) ?? `${singular} ${i + 1}`);
  const shown = items.flatMap((item, i) => (matchesSearch(labels[i] ?? "", item, query) ? [i] : []));
  const problemCount = (index: number) =>
    problems.filter((p) => p.severity === "error" && itemIndexOf(p.pointer) === index).length;
  const readonly = !onChange;
  const rowProps = { section, labels, count: items.length, open, onOpen, move, remove, problemCount, readonly };
  return (
    <>
      <ListSearch
        id={`${section}-search`}
        title={title}
        query={query}
        onQuery={setQuery}
        shown={shown.length}
        total={items.length}
      />
      <Rows {...rowProps} indices={shown.filter((i) => open === undefined || i < open)} />
      {open !== undefined && items[open] !== undefined && (
        <OpenItem
          key={open}
          section={section}
          index={open}
          label={labels[open] ?? singular}
          schema={itemSchema}
          item={items[open]}
          problems={problems}
          onChange={onChange ? (next) => changeItem(open, next) : undefined}
          onClose={() => onOpen(undefined)}
        />
      )}
      <Rows {...rowProps} indices={shown.filter((i) => open !== undefined && i > open)} />
      {!readonly && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            add();
            setQuery("");
          }}
        >
          Add {singular.toLowerCase()}
        </button>
      )}
    </>
  );
}

function ListSearch(props: {
  id: string;
  title: string;
  query: string;
  onQuery: (query: string) => void;
  shown: number;
  total: number;
}) {
  const { id, title, query, onQuery, shown, total } = props;
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        Search {title.toLowerCase()}
      </label>
      <div className="govuk-hint" id={`${id}-hint`}>
        By label or identifier
      </div>
      <input
        className="govuk-input govuk-!-width-one-half"
        id={id}
        type="search"
        value={query}
        aria-describedby={`${id}-hint ${id}-count`}
        onChange={(event) => onQuery(event.target.value)}
      />
      <p className="govuk-body-s govuk-!-margin-top-2" id={`${id}-count`} aria-live="polite">
        {query ? `${shown} of ${total} shown` : `${total} in all`}
      </p>
    </div>
  );
}

interface RowsProps {
  section: string;
  labels: string[];
  count: number;
  indices: number[];
  open: number | undefined;
  onOpen: (index: number | undefined) => void;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  problemCount: (index: number) => number;
  readonly: boolean;
}

function Rows(props: RowsProps) {
  const { section, labels, count, indices, open, onOpen, move, remove, problemCount, readonly } = props;
  if (indices.length === 0) return null;
  const action = (text: string, label: string, onClick: () => void) => (
    <li className="govuk-summary-list__actions-list-item">
      <button type="button" className="steward-link-button govuk-link" onClick={onClick}>
        {text}
        <span className="govuk-visually-hidden"> {label}</span>
      </button>
    </li>
  );
  return (
    <dl className="govuk-summary-list">
      {indices.map((i) => {
        const label = labels[i] ?? "";
        const problemsHere = problemCount(i);
        return (
          <div className="govuk-summary-list__row" key={i} id={`${section}-item-${i}`}>
            <dt className="govuk-summary-list__key">{label}</dt>
            <dd className="govuk-summary-list__value">
              {problemsHere > 0 && (
                <strong className="govuk-tag govuk-tag--red">
                  {problemsHere} problem{problemsHere === 1 ? "" : "s"}
                </strong>
              )}
            </dd>
            <dd className="govuk-summary-list__actions">
              <ul className="govuk-summary-list__actions-list">
                {action(open === i ? "Close" : readonly ? "View" : "Change", label, () =>
                  onOpen(open === i ? undefined : i),
                )}
                {!readonly && i > 0 && action("Move up", label, () => move(i, i - 1))}
                {!readonly && i < count - 1 && action("Move down", label, () => move(i, i + 1))}
                {!readonly && action("Remove", label, () => remove(i))}
              </ul>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function OpenItem(props: {
  section: string;
  index: number;
  label: string;
  schema: Schema;
  item: unknown;
  problems: PolicyProblem[];
  onChange: ((value: unknown) => void) | undefined;
  onClose: () => void;
}) {
  const { section, index, label, schema, item, problems, onChange, onClose } = props;
  const extraErrors = useMemo(() => {
    const all = toErrorSchema(
      problems.filter((p) => p.severity === "error"),
      section,
    );
    const mine: unknown = all[String(index)];
    return isSchema(mine) ? mine : undefined;
  }, [problems, section, index]);
  return (
    <section className="steward-open-item govuk-!-margin-bottom-6" aria-labelledby={`${section}-open-heading`}>
      <h3 className="govuk-heading-m" id={`${section}-open-heading`}>
        {label}
      </h3>
      <SchemaForm
        idPrefix={`${section}_${index}`}
        schema={schema}
        value={item}
        extraErrors={extraErrors}
        readonly={!onChange}
        onChange={onChange}
      />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClose}>
        Close {label}
      </button>
    </section>
  );
}
