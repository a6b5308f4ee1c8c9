import type { FormContextType, RJSFSchema, StrictRJSFSchema, WidgetProps } from "@rjsf/utils";

import {
  suggestBestFit,
  type AreaJudgement,
  type BestFitData,
  type SuggestBestFit,
} from "../../../steward/best-fit.ts";
import type { StewardFormContext } from "../../shared/form-context.ts";
import { CategoryTag } from "../category-selector-widget/category-selector-widget.tsx";
import TextareaWidget from "../textarea-widget/textarea-widget.tsx";

/** The areas, categories and criteria the grid shows: `ui:options`, else `formContext.policy`. */
export function getBestFitData(options: Record<string, unknown>, formContext: unknown): BestFitData {
  const policy = (formContext as StewardFormContext | undefined)?.policy ?? {};
  const pick = <K extends keyof BestFitData>(key: K): BestFitData[K] =>
    (Array.isArray(options[key]) ? options[key] : Array.isArray(policy[key]) ? policy[key] : []) as BestFitData[K];
  return { areas: pick("areas"), categories: pick("categories"), criteria: pick("criteria") };
}

function getSuggest(options: Record<string, unknown>, formContext: unknown): SuggestBestFit {
  if (typeof options.suggest === "function") return options.suggest as SuggestBestFit;
  const fromContext = (formContext as StewardFormContext | undefined)?.suggestBestFit;
  return typeof fromContext === "function" ? fromContext : suggestBestFit;
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "-");

/** Ticks or unticks one descriptor, keeping areas in the policy's order and dropping areas left empty. */
export function toggleDescriptor(
  judgements: AreaJudgement[],
  areaOrder: string[],
  area: string,
  category: string,
  descriptor: string,
  checked: boolean,
): AreaJudgement[] {
  const current = judgements.find((judgement) => judgement.area === area) ?? { area, descriptors: [] };
  const others = current.descriptors.filter(
    (selection) => !(selection.category === category && selection.descriptor === descriptor),
  );
  const updated: AreaJudgement = { ...current, descriptors: checked ? [...others, { category, descriptor }] : others };
  return normalise([...judgements.filter((judgement) => judgement.area !== area), updated], areaOrder);
}

function normalise(judgements: AreaJudgement[], areaOrder: string[]): AreaJudgement[] {
  return judgements
    .filter((judgement) => judgement.descriptors.length > 0 || (judgement.evidence ?? "") !== "")
    .map((judgement) =>
      judgement.evidence === undefined || judgement.evidence === ""
        ? { area: judgement.area, descriptors: judgement.descriptors }
        : judgement,
    )
    .sort((a, b) => areaOrder.indexOf(a.area) - areaOrder.indexOf(b.area));
}

/**
 * The best-fit criteria grid: for each judgement area of the policy, the descriptors of each category as checkboxes
 * and a box for the evidence, with the best-fit category suggested as descriptors are ticked (for each area, and
 * overall in a live region). The suggestion rule is `ui:options.suggest` or `formContext.suggestBestFit`, else the
 * category with most ticks (ties to the more severe). Value: `{ area, descriptors: {category, descriptor}[], evidence? }[]`.
 */
export default function BestFitWidget<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: WidgetProps<T, S, F>) {
  const { id, value, options, registry, onChange, readonly, disabled, schema } = props;
  const { areas, categories, criteria } = getBestFitData(options, registry.formContext);
  const suggest = getSuggest(options, registry.formContext);
  const judgements: AreaJudgement[] = Array.isArray(value) ? (value as AreaJudgement[]) : [];
  const areaOrder = areas.map((area) => area.key);
  const sortedCategories = [...categories].sort((a, b) => a.severity - b.severity);
  const categoryByKey = new Map(categories.map((category) => [category.key, category]));
  const emit = (next: AreaJudgement[]) => onChange(next.length > 0 ? next : undefined);
  const itemsSchema = (schema.items ?? {}) as { properties?: { evidence?: { maxLength?: number } } };
  const evidenceMaxLength = itemsSchema.properties?.evidence?.maxLength;
  const overall = suggest(judgements, categories);
  const ticked = judgements.reduce((total, judgement) => total + judgement.descriptors.length, 0);
  return (
    <div className="steward-best-fit" id={id}>
      {areas.map((area) => {
        const judgement = judgements.find((candidate) => candidate.area === area.key);
        const areaSuggestion = judgement ? suggest([judgement], categories) : undefined;
        const areaId = `${id}-${slug(area.key)}`;
        const evidenceId = `${areaId}-evidence`;
        return (
          <section key={area.key} className="steward-best-fit__area" aria-labelledby={`${areaId}-heading`}>
            <h3 id={`${areaId}-heading`} className="govuk-heading-s">
              {area.label}
            </h3>
            {area.description && <p className="govuk-hint">{area.description}</p>}
            {sortedCategories.map((category) => {
              const set = criteria.find(
                (candidate) => candidate.area === area.key && candidate.category === category.key,
              );
              if (!set) return null;
              const isTicked = (descriptor: string) =>
                judgement?.descriptors.some(
                  (selection) => selection.category === category.key && selection.descriptor === descriptor,
                ) ?? false;
              if (readonly) {
                const chosen = set.descriptors.filter((descriptor) => isTicked(descriptor.key));
                if (chosen.length === 0) return null;
                return (
                  <div key={category.key} className="steward-best-fit__category">
                    <p className="govuk-body govuk-!-margin-bottom-1">
                      <CategoryTag category={category} label={category.label} />
                    </p>
                    <ul className="govuk-list govuk-list--bullet">
                      {chosen.map((descriptor) => (
                        <li key={descriptor.key}>{descriptor.text}</li>
                      ))}
                    </ul>
                  </div>
                );
              }
              return (
                <div key={category.key} className="govuk-form-group steward-best-fit__category">
                  <fieldset className="govuk-fieldset">
                    <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                      <CategoryTag category={category} label={category.label} />
                      <span className="govuk-visually-hidden"> descriptors for {area.label}</span>
                    </legend>
                    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                      {set.descriptors.map((descriptor) => {
                        const boxId = `${areaId}-${slug(category.key)}-${slug(descriptor.key)}`;
                        return (
                          <div key={descriptor.key} className="govuk-checkboxes__item">
                            <input
                              className="govuk-checkboxes__input"
                              id={boxId}
                              name={boxId}
                              type="checkbox"
                              checked={isTicked(descriptor.key)}
                              disabled={disabled}
                              onChange={(event) =>
                                emit(
                                  toggleDescriptor(
                                    judgements,
                                    areaOrder,
                                    area.key,
                                    category.key,
                                    descriptor.key,
                                    event.target.checked,
                                  ),
                                )
                              }
                            />
                            <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId}>
                              {descriptor.text}
                            </label>
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                </div>
              );
            })}
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor={evidenceId}>
                Evidence for {area.label.charAt(0).toLowerCase() + area.label.slice(1)} (optional)
              </label>
              <TextareaWidget<T, S, F>
                {...props}
                id={evidenceId}
                htmlName={evidenceId}
                label={`Evidence for ${area.label}`}
                schema={{ type: "string", ...(evidenceMaxLength ? { maxLength: evidenceMaxLength } : {}) } as S}
                options={{ rows: 4 }}
                rawErrors={undefined}
                value={judgement?.evidence ?? ""}
                onChange={(text: unknown) => {
                  const rest = judgements.filter((candidate) => candidate.area !== area.key);
                  const evidence = typeof text === "string" ? text : undefined;
                  emit(
                    normalise(
                      [...rest, { area: area.key, descriptors: judgement?.descriptors ?? [], evidence }],
                      areaOrder,
                    ),
                  );
                }}
              />
            </div>
            <p className="govuk-body steward-best-fit__area-suggestion">
              Best fit for this area:{" "}
              {areaSuggestion ? (
                <CategoryTag
                  category={categoryByKey.get(areaSuggestion)}
                  label={categoryByKey.get(areaSuggestion)?.label ?? areaSuggestion}
                />
              ) : (
                "no descriptors ticked yet"
              )}
            </p>
          </section>
        );
      })}
      <div className="govuk-inset-text steward-best-fit__suggestion" role="status" aria-live="polite">
        {overall ? (
          <>
            Suggested category:{" "}
            <CategoryTag category={categoryByKey.get(overall)} label={categoryByKey.get(overall)?.label ?? overall} />{" "}
            <span className="govuk-body-s">
              (from {ticked} ticked descriptor{ticked === 1 ? "" : "s"})
            </span>
          </>
        ) : (
          "Tick the descriptors that fit the school to see the suggested category."
        )}
      </div>
    </div>
  );
}
BestFitWidget.govukChrome = "fieldset" as const;
BestFitWidget.govukLabelSize = "m" as const;
