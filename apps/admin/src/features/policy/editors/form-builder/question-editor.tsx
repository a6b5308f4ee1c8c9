import { useState } from "react";

import { Checkboxes, Select, Textarea, TextInput } from "@steward/ui";

import { getOptions, QUESTION_TYPES, type FormModel, type Question, type QuestionType } from "./model.ts";
import type { QuestionChange } from "./operations.ts";

const TYPE_OPTIONS = Object.entries(QUESTION_TYPES).map(([value, label]) => ({ value, label }));
const CHOICE_KINDS = new Set(["radios", "checkboxes", "select"]);

function isQuestionType(value: string): value is QuestionType {
  return value in QUESTION_TYPES;
}

/** The choices of a question, one per line; an edit that leaves no choice is not applied until one is written. */
function OptionsInput({ id, question, onChange }: { id: string; question: Question; onChange: (o: string[]) => void }) {
  const [text, setText] = useState(() => getOptions(question).join("\n"));
  const [error, setError] = useState<string>();
  return (
    <Textarea
      id={id}
      label="Choices"
      hint="One choice on each line, in the order to show them."
      error={error}
      rows={4}
      value={text}
      onChange={(next) => {
        setText(next);
        const lines = next
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean);
        setError(lines.length === 0 ? "Write at least one choice" : undefined);
        if (lines.length > 0) onChange(lines);
      }}
    />
  );
}

export interface QuestionEditorProps {
  id: string;
  index: number;
  model: FormModel;
  question: Question;
  /** A question added in this editing session: its key follows its words until saved. */
  isFresh: boolean;
  readonly: boolean;
  onChange: (change: QuestionChange) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onAddAfter: () => void;
}

/** The words of a question: its title, hint and key. */
function QuestionWords({ id, question, isFresh, onChange }: QuestionEditorProps) {
  const title = typeof question.schema.title === "string" ? question.schema.title : "";
  const hint = typeof question.schema.description === "string" ? question.schema.description : "";
  return (
    <>
      <TextInput id={`${id}-title`} label="Question" value={title} onChange={(value) => onChange({ title: value })} />
      <TextInput
        id={`${id}-hint`}
        label="Hint (optional)"
        value={hint}
        onChange={(value) => onChange({ hint: value })}
      />
      {!isFresh && (
        <TextInput
          id={`${id}-name`}
          label="Answer key"
          hint="Stored with every answer: changing it loses the link to answers already given."
          width="20"
          spellCheck={false}
          value={question.name}
          onChange={(value) => onChange({ name: value })}
        />
      )}
    </>
  );
}

/** The kind of answer a question takes: its type, its choices, whether it must be answered, and its page. */
function QuestionAnswer(props: QuestionEditorProps) {
  const { id, model, question, onChange } = props;
  return (
    <>
      {question.kind === "other" ? (
        <p className="govuk-body">
          This question is of a kind the builder does not draw (a group of questions, say). It is kept as written: edit
          it in the JSON beside.
        </p>
      ) : (
        <Select
          id={`${id}-kind`}
          label="Type of answer"
          value={question.kind}
          options={TYPE_OPTIONS}
          onChange={(value) => isQuestionType(value) && onChange({ kind: value })}
        />
      )}
      {CHOICE_KINDS.has(question.kind) && (
        <OptionsInput
          key={question.kind}
          id={`${id}-options`}
          question={question}
          onChange={(options) => onChange({ options })}
        />
      )}
      <Checkboxes
        id={`${id}-required`}
        label="Answer"
        options={[{ value: "required", label: "The question must be answered" }]}
        values={question.required ? ["required"] : []}
        small
        onChange={(values) => onChange({ required: values.includes("required") })}
      />
      {model.pages.length > 0 && (
        <Select
          id={`${id}-page`}
          label="Page"
          value={String(question.page ?? 0)}
          options={model.pages.map((page, i) => ({ value: String(i), label: `${i + 1}. ${page.title}` }))}
          onChange={(value) => onChange({ page: Number(value) })}
        />
      )}
    </>
  );
}

/** One question of the form, with its words, type, and the buttons that move, remove and add after it. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { index, model, question, readonly, onMove, onRemove, onAddAfter } = props;
  const title = typeof question.schema.title === "string" && question.schema.title ? question.schema.title : "Untitled";
  const which = <span className="govuk-visually-hidden"> question {index + 1}</span>;
  return (
    <li className="steward-form-builder__question">
      <fieldset className="govuk-fieldset" disabled={readonly}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          Question {index + 1}: {title}
        </legend>
        <QuestionWords {...props} />
        <QuestionAnswer {...props} />
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            Move up{which}
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={index === model.questions.length - 1}
            onClick={() => onMove(1)}
          >
            Move down{which}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onAddAfter}>
            Add a question after{which}
          </button>
          <button type="button" className="govuk-button govuk-button--warning" onClick={onRemove}>
            Remove{which}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
