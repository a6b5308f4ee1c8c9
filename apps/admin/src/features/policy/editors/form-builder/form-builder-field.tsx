import type { FieldProps } from "@rjsf/utils";
import { useState } from "react";

import { humanise, Select, Textarea, TextInput } from "@steward/ui";

import { FormPreview } from "./form-preview.tsx";
import { isJson, readForm, writeForm, type FormModel } from "./model.ts";
import {
  addPage,
  addQuestion,
  moveQuestion,
  removePage,
  removeQuestion,
  renamePage,
  toFieldName,
  updateQuestion,
  type QuestionChange,
} from "./operations.ts";
import { QuestionEditor } from "./question-editor.tsx";

type Json = Record<string, unknown>;

/** Every problem message under a part of rjsf's errorSchema, with where it is (`uiSchema/ui:order`). */
function collectErrors(node: unknown, path: string[] = []): { where: string; message: string }[] {
  if (!isJson(node)) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "__errors"
      ? (Array.isArray(value) ? value : []).map((message) => ({ where: path.join("/"), message: String(message) }))
      : collectErrors(value, [...path, key]),
  );
}

/** The choices a field of the form definition offers (`purpose`, `audience`), as the meta-schema lists them. */
function choicesOf(schema: Json, field: string) {
  const properties = isJson(schema.properties) ? schema.properties : {};
  const node = isJson(properties[field]) ? properties[field] : {};
  const options = Array.isArray(node.anyOf) ? node.anyOf : [];
  return options
    .filter(isJson)
    .map((option) => ({ value: String(option.const), label: humanise(String(option.const)) }));
}

/** The form with one of its details changed; an empty optional description is left out, not stored empty. */
function withField(form: Json, field: string, value: string): Json {
  if (field !== "description" || value) return { ...form, [field]: value };
  const { description: _description, ...rest } = form;
  return rest;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The form's own details: key, title, purpose, audience, description. */
function FormDetails({
  id,
  form,
  schema,
  onSet,
}: {
  id: string;
  form: Json;
  schema: Json;
  onSet: (f: string, v: string) => void;
}) {
  return (
    <>
      <TextInput
        id={`${id}-key`}
        label="Key"
        width="20"
        spellCheck={false}
        value={text(form.key)}
        onChange={(v) => onSet("key", v)}
      />
      <TextInput id={`${id}-title`} label="Title" value={text(form.title)} onChange={(v) => onSet("title", v)} />
      <Select
        id={`${id}-purpose`}
        label="Purpose"
        value={text(form.purpose)}
        options={choicesOf(schema, "purpose")}
        onChange={(v) => onSet("purpose", v)}
      />
      <Select
        id={`${id}-audience`}
        label="Who fills it in"
        value={text(form.audience)}
        options={choicesOf(schema, "audience")}
        onChange={(v) => onSet("audience", v)}
      />
      <Textarea
        id={`${id}-description`}
        label="Description (optional)"
        rows={3}
        value={text(form.description)}
        onChange={(v) => onSet("description", v)}
      />
    </>
  );
}

/** The pages of a multi-page form: their titles, and adding or removing one. */
function PagesEditor({ id, model, onChange }: { id: string; model: FormModel; onChange: (m: FormModel) => void }) {
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Pages</legend>
      {model.pages.length === 0 && <p className="govuk-body">The form asks every question on one page.</p>}
      {model.pages.map((page, i) => (
        <div key={i} className="govuk-!-margin-bottom-4">
          <TextInput
            id={`${id}-page${i + 1}-title`}
            label={`Page ${i + 1} title`}
            value={page.title}
            onChange={(v) => onChange(renamePage(model, i, v))}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => onChange(removePage(model, i))}
          >
            Remove page {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange(addPage(model, `Page ${model.pages.length + 1 || 2}`))}
      >
        Add a page
      </button>
    </fieldset>
  );
}

/** The questions in order, each with its editor, and adding one at the end. */
function QuestionsEditor({
  id,
  model,
  readonly,
  onChange,
}: {
  id: string;
  model: FormModel;
  readonly: boolean;
  onChange: (m: FormModel) => void;
}) {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const add = (at: number) => {
    const next = addQuestion(model, at, "text", "New question");
    const added = next.questions.find((q) => !model.questions.some((old) => old.name === q.name));
    if (added) setFresh((names) => new Set([...names, added.name]));
    onChange(next);
  };
  const change = (index: number, patch: QuestionChange) => {
    const question = model.questions[index];
    if (question && fresh.has(question.name) && patch.title !== undefined) {
      const others = model.questions.filter((_, i) => i !== index).map((q) => q.name);
      const name = toFieldName(patch.title || "question", others);
      setFresh((names) => new Set([...[...names].filter((n) => n !== question.name), name]));
      patch = { ...patch, name };
    }
    onChange(updateQuestion(model, index, patch));
  };
  return (
    <>
      <h3 className="govuk-heading-m">Questions</h3>
      <ol className="govuk-list steward-form-builder__questions">
        {model.questions.map((question, i) => (
          <QuestionEditor
            key={`${i}-${question.name}`}
            id={`${id}-q${i + 1}`}
            index={i}
            model={model}
            question={question}
            isFresh={fresh.has(question.name)}
            readonly={readonly}
            onChange={(patch) => change(i, patch)}
            onMove={(delta) => onChange(moveQuestion(model, i, delta))}
            onRemove={() => onChange(removeQuestion(model, i))}
            onAddAfter={() => add(i + 1)}
          />
        ))}
      </ol>
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        disabled={readonly}
        onClick={() => add(model.questions.length)}
      >
        Add a question
      </button>
    </>
  );
}

/**
 * The form builder: a policy form's details as ordinary inputs, its questions (added, moved, edited and removed
 * with buttons) and pages, and a live preview drawn by the portal's own theme. It writes the form's JSON Schema and
 * a uiSchema whose `ui:order` lists every question in the order set here.
 */
export function FormBuilderField(props: FieldProps) {
  const { fieldPathId, onChange, schema, errorSchema, readonly, disabled } = props;
  const form: Json = isJson(props.formData) ? props.formData : {};
  const formSchema = isJson(form.schema) ? form.schema : { type: "object" };
  const formUi = isJson(form.uiSchema) ? form.uiSchema : undefined;
  const model = readForm(formSchema, formUi);
  const id = fieldPathId.$id;
  const set = (next: Json) => onChange(next, fieldPathId.path);
  const setModel = (next: FormModel) => set({ ...form, ...writeForm(next) });
  const problems = collectErrors(errorSchema);
  return (
    <div className="steward-form-builder">
      {problems.length > 0 && (
        <div className="govuk-error-message" id={`${id}-problems`}>
          <span className="govuk-visually-hidden">Error:</span> Problems in this form:
          <ul className="govuk-list govuk-list--bullet">
            {problems.map((p, i) => (
              <li key={i}>
                {p.where ? `${p.where}: ` : ""}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="govuk-fieldset" disabled={readonly || disabled}>
        <FormDetails id={id} form={form} schema={schema} onSet={(field, value) => set(withField(form, field, value))} />
        <PagesEditor id={id} model={model} onChange={setModel} />
      </fieldset>
      <QuestionsEditor id={id} model={model} readonly={Boolean(readonly || disabled)} onChange={setModel} />
      <details className="govuk-details govuk-!-margin-top-6">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Preview the form as it will be shown</span>
        </summary>
        <div className="govuk-details__text">
          <FormPreview id={`${id}-preview`} {...writeForm(model)} />
        </div>
      </details>
    </div>
  );
}
// The theme frames this field as a group (a fieldset with the form's legend); it draws its own questions inside.
FormBuilderField.govukChrome = "fieldset" as const;
