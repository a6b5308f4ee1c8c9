import type { RJSFSchema, StrictRJSFSchema, WidgetProps } from "@rjsf/utils";

import { ChoiceGroup, ChoiceItem } from "../../../govuk/choices.tsx";
import { Fieldset, FormGroup, Label } from "../../../govuk/frame.tsx";
import {
  isAreaJudgement,
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
function toggleDescriptor(
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

type Category = BestFitData["categories"][number];
type CriteriaSet = BestFitData["criteria"][number];

/** What every part of the grid reads: the policy's data, the answers so far, and how to change them. */
interface Grid {
  props: WidgetProps;
  judgements: AreaJudgement[];
  areaOrder: string[];
  categories: Category[];
  categoryByKey: Map<string, Category>;
  criteria: CriteriaSet[];
  suggest: SuggestBestFit;
  emit: (next: AreaJudgement[]) => void;
}

/** The evidence box's length limit, from the array's item schema. */
function getEvidenceMaxLength(schema: StrictRJSFSchema): number | undefined {
  const items = schema.items;
  if (typeof items !== "object" || Array.isArray(items)) return undefined;
  const evidence = items.properties?.evidence;
  return typeof evidence === "object" && typeof evidence.maxLength === "number" ? evidence.maxLength : undefined;
}

/** A category named by its tag, or the bare key when the policy does not know it. */
function SuggestedCategory({ categoryByKey, keyName }: { categoryByKey: Map<string, Category>; keyName: string }) {
  const category = categoryByKey.get(keyName);
  return <CategoryTag category={category} label={category?.label ?? keyName} />;
}

interface DescriptorsProps {
  grid: Grid;
  areaKey: string;
  areaLabel: string;
  areaId: string;
  judgement: AreaJudgement | undefined;
  category: Category;
  set: CriteriaSet;
}

/** One category's descriptors for an area: checkboxes in a fieldset named by the category's tag, or read-only ticks. */
function CategoryDescriptors(descriptorsProps: DescriptorsProps) {
  const { grid, areaKey, areaLabel, areaId, judgement, category, set } = descriptorsProps;
  const { readonly, disabled } = grid.props;
  const isTicked = (descriptor: string) =>
    judgement?.descriptors.some(
      (selection) => selection.category === category.key && selection.descriptor === descriptor,
    ) ?? false;
  if (readonly) {
    const chosen = set.descriptors.filter((descriptor) => isTicked(descriptor.key));
    if (chosen.length === 0) return null;
    return (
      <div className="steward-best-fit__category">
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
  const legend = (
    <>
      <CategoryTag category={category} label={category.label} />
      <span className="govuk-visually-hidden"> descriptors for {areaLabel}</span>
    </>
  );
  const toggle = (descriptor: string, checked: boolean) =>
    grid.emit(toggleDescriptor(grid.judgements, grid.areaOrder, areaKey, category.key, descriptor, checked));
  return (
    <FormGroup className="steward-best-fit__category">
      <Fieldset legend={legend} legendClassName="govuk-fieldset__legend--s">
        <ChoiceGroup kind="checkboxes" small>
          {set.descriptors.map((descriptor) => {
            const boxId = `${areaId}-${slug(category.key)}-${slug(descriptor.key)}`;
            return (
              <ChoiceItem
                key={descriptor.key}
                kind="checkboxes"
                id={boxId}
                label={descriptor.text}
                name={boxId}
                checked={isTicked(descriptor.key)}
                disabled={disabled}
                onChange={(event) => toggle(descriptor.key, event.target.checked)}
              />
            );
          })}
        </ChoiceGroup>
      </Fieldset>
    </FormGroup>
  );
}

/** The area's evidence box: a textarea (with a count when the schema limits it). */
function AreaEvidence({
  grid,
  area,
  areaId,
  judgement,
}: {
  grid: Grid;
  area: BestFitData["areas"][number];
  areaId: string;
  judgement: AreaJudgement | undefined;
}) {
  const evidenceId = `${areaId}-evidence`;
  const maxLength = getEvidenceMaxLength(grid.props.schema);
  const evidenceSchema: RJSFSchema = { type: "string", ...(maxLength ? { maxLength } : {}) };
  const update = (text: unknown) => {
    const rest = grid.judgements.filter((candidate) => candidate.area !== area.key);
    const evidence = typeof text === "string" ? text : undefined;
    grid.emit(
      normalise([...rest, { area: area.key, descriptors: judgement?.descriptors ?? [], evidence }], grid.areaOrder),
    );
  };
  return (
    <FormGroup>
      <Label htmlFor={evidenceId} className="govuk-label--s">
        Evidence for {area.label.charAt(0).toLowerCase() + area.label.slice(1)} (optional)
      </Label>
      <TextareaWidget
        {...grid.props}
        id={evidenceId}
        htmlName={evidenceId}
        label={`Evidence for ${area.label}`}
        // The evidence box is a plain string question inside the grid's array schema.
        schema={evidenceSchema}
        options={{ rows: 4 }}
        rawErrors={undefined}
        value={judgement?.evidence ?? ""}
        onChange={update}
      />
    </FormGroup>
  );
}

/** One judgement area: its descriptors per category, the evidence box and the area's own best fit. */
function AreaSection({ grid, area }: { grid: Grid; area: BestFitData["areas"][number] }) {
  const judgement = grid.judgements.find((candidate) => candidate.area === area.key);
  const areaSuggestion = judgement ? grid.suggest([judgement], grid.categories) : undefined;
  const areaId = `${grid.props.id}-${slug(area.key)}`;
  return (
    <section className="steward-best-fit__area" aria-labelledby={`${areaId}-heading`}>
      <h3 id={`${areaId}-heading`} className="govuk-heading-s">
        {area.label}
      </h3>
      {area.description && <p className="govuk-hint">{area.description}</p>}
      {[...grid.categories]
        .sort((a, b) => a.severity - b.severity)
        .map((category) => {
          const set = grid.criteria.find(
            (candidate) => candidate.area === area.key && candidate.category === category.key,
          );
          if (!set) return null;
          const where = { areaKey: area.key, areaLabel: area.label, areaId, judgement };
          return <CategoryDescriptors key={category.key} grid={grid} {...where} category={category} set={set} />;
        })}
      <AreaEvidence grid={grid} area={area} areaId={areaId} judgement={judgement} />
      <p className="govuk-body steward-best-fit__area-suggestion">
        Best fit for this area:{" "}
        {areaSuggestion ? (
          <SuggestedCategory categoryByKey={grid.categoryByKey} keyName={areaSuggestion} />
        ) : (
          "no descriptors ticked yet"
        )}
      </p>
    </section>
  );
}

/** The overall suggestion, in a polite live region so screen readers hear it change. */
function OverallSuggestion({ grid }: { grid: Pick<Grid, "judgements" | "categories" | "categoryByKey" | "suggest"> }) {
  const overall = grid.suggest(grid.judgements, grid.categories);
  const ticked = grid.judgements.reduce((total, judgement) => total + judgement.descriptors.length, 0);
  return (
    <div className="govuk-inset-text steward-best-fit__suggestion" role="status" aria-live="polite">
      {overall ? (
        <>
          Suggested category: <SuggestedCategory categoryByKey={grid.categoryByKey} keyName={overall} />{" "}
          <span className="govuk-body-s">
            (from {ticked} ticked descriptor{ticked === 1 ? "" : "s"})
          </span>
        </>
      ) : (
        "Tick the descriptors that fit the school to see the suggested category."
      )}
    </div>
  );
}

/**
 * The best-fit criteria grid: for each judgement area of the policy, the descriptors of each category as checkboxes
 * and a box for the evidence, with the best-fit category suggested as descriptors are ticked (for each area, and
 * overall in a live region). The suggestion rule is `ui:options.suggest` or `formContext.suggestBestFit`, else the
 * category with most ticks (ties to the more severe). Value: `{ area, descriptors: {category, descriptor}[], evidence? }[]`.
 */
export default function BestFitWidget(props: WidgetProps) {
  const { id, options, registry, onChange } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const { areas, categories, criteria } = getBestFitData(options, registry.formContext);
  const grid: Grid = {
    props,
    judgements: Array.isArray(value) ? value.filter(isAreaJudgement) : [],
    areaOrder: areas.map((area) => area.key),
    categories,
    categoryByKey: new Map(categories.map((category) => [category.key, category])),
    criteria,
    suggest: getSuggest(options, registry.formContext),
    emit: (next) => onChange(next.length > 0 ? next : undefined),
  };
  return (
    <div className="steward-best-fit" id={id}>
      {areas.map((area) => (
        <AreaSection key={area.key} grid={grid} area={area} />
      ))}
      <OverallSuggestion grid={grid} />
    </div>
  );
}
BestFitWidget.govukChrome = "fieldset" as const;
BestFitWidget.govukLabelSize = "m" as const;
