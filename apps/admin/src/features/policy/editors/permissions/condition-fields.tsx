import { useEffect, useState } from "react";

import {
  conditionChoices,
  describeCondition,
  readChoice,
  setConditions,
  writeChoice,
  type ConditionChoice,
  type Grant,
  type Subject,
} from "@steward/policy-config";
import { Checkboxes, Textarea } from "@steward/ui";

import { useStudio } from "../../studio-context.ts";

interface ConditionFieldsProps {
  id: string;
  subject: Subject;
  grant: Grant;
  onChange: (grant: Grant) => void;
}

type Answer = boolean | string[];

/** Each choice with what the grant's conditions say of it; undefined when the condition says more than it can. */
function readAll(choices: ConditionChoice[], conditions: Record<string, unknown>) {
  return choices.map((choice) => ({ choice, answer: readChoice(choice, conditions[choice.field]) }));
}

/**
 * A permission's conditions as choices (own school only, these statuses, these meeting types); a condition the
 * choices cannot say is shown in words and kept as written, and every condition is a click away as JSON.
 */
export function ConditionFields({ id, subject, grant, onChange }: ConditionFieldsProps) {
  const { doc } = useStudio();
  const conditions = grant.conditions ?? {};
  const read = readAll(conditionChoices(doc, subject), conditions);
  const set = (field: string, value: unknown) =>
    onChange({ ...grant, conditions: setConditions(grant.conditions, { [field]: value }) });
  const ticks = read.filter(
    (r): r is { choice: Extract<ConditionChoice, { kind: "tick" }>; answer: boolean } =>
      r.choice.kind === "tick" && typeof r.answer === "boolean",
  );
  const lists = read.filter(
    (r): r is { choice: Extract<ConditionChoice, { kind: "some" }>; answer: string[] } =>
      r.choice.kind === "some" && Array.isArray(r.answer) && r.choice.options.length > 0,
  );
  const shown = new Set([...ticks, ...lists].map((r) => r.choice.field));
  const kept = Object.entries(conditions).filter(([field]) => !shown.has(field));
  return (
    <>
      {ticks.length > 0 && (
        <Checkboxes
          id={`${id}-ticks`}
          label="Only records that are"
          small
          values={ticks.filter((t) => t.answer).map((t) => t.choice.field)}
          onChange={(values) =>
            onChange({
              ...grant,
              conditions: setConditions(
                grant.conditions,
                Object.fromEntries(
                  ticks.map((t) => [t.choice.field, writeChoice(t.choice, values.includes(t.choice.field))]),
                ),
              ),
            })
          }
          options={ticks.map((t) => ({ value: t.choice.field, label: t.choice.label }))}
        />
      )}
      {lists.map(({ choice, answer }) => (
        <details key={choice.field} className="govuk-details" open={answer.length > 0}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{choice.label}</span>
          </summary>
          <div className="govuk-details__text">
            <Checkboxes
              id={`${id}-${choice.field}`}
              label={choice.label}
              hint="Tick none for all of them."
              small
              values={answer}
              onChange={(values: Answer) => set(choice.field, writeChoice(choice, values))}
              options={choice.options.map((o) => ({ value: o.key, label: o.label }))}
            />
          </div>
        </details>
      ))}
      {kept.length > 0 && (
        <div className="govuk-inset-text">
          Also, kept as written: {kept.map(([field, value]) => describeCondition(doc, field, value)).join("; ")}.
        </div>
      )}
      <ConditionsJson id={`${id}-json`} grant={grant} onChange={onChange} />
    </>
  );
}

/** The conditions as JSON, for what no choice says: valid JSON of an object replaces them as it is typed. */
function ConditionsJson({ id, grant, onChange }: { id: string; grant: Grant; onChange: (grant: Grant) => void }) {
  const written = JSON.stringify(grant.conditions ?? {}, null, 2);
  const [text, setText] = useState(written);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(grant.conditions ?? {})) return current;
      } catch {
        // An unfinished edit: the choices' change replaces it.
      }
      return written;
    });
  }, [written, grant.conditions]);
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Conditions as JSON</span>
      </summary>
      <div className="govuk-details__text">
        <Textarea
          id={id}
          label="Conditions (CASL, with ${user.schoolUrn} or ${user.id} for the user's own)"
          rows={5}
          error={error}
          value={text}
          onChange={(next) => {
            setText(next);
            try {
              const parsed: unknown = JSON.parse(next);
              if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
                return setError("Write the conditions as a JSON object, like {}.");
              setError(undefined);
              onChange({ ...grant, conditions: setConditions(undefined, { ...parsed }) });
            } catch (e) {
              setError(
                `Not valid JSON: ${e instanceof Error ? e.message : String(e)}. The conditions keep their last valid value.`,
              );
            }
          }}
        />
      </div>
    </details>
  );
}
