import type { EnumOptionsType, WidgetProps } from "@rjsf/utils";

import type { BestFitData } from "../../../steward/best-fit.ts";
import { getTagClassName } from "../../../steward/tag-colour.ts";
import type { StewardFormContext } from "../../shared/form-context.ts";
import { RadioItems } from "../radio-widget/radio-widget.tsx";

type CategoryOption = BestFitData["categories"][number];

/** The categories a selector offers: `ui:options.categories`, else the policy's in `formContext.policy`. */
export function getCategories(options: Record<string, unknown>, formContext: unknown): CategoryOption[] {
  if (Array.isArray(options.categories)) return options.categories as CategoryOption[];
  const policy = (formContext as StewardFormContext | undefined)?.policy;
  return Array.isArray(policy?.categories) ? policy.categories : [];
}

/** A category's name as a GOV.UK tag in its policy colour; the words carry the meaning, never the colour alone. */
export function CategoryTag({ category, label }: { category?: Pick<CategoryOption, "colour">; label: string }) {
  return <strong className={getTagClassName(category?.colour)}>{label}</strong>;
}

/**
 * Chooses a policy category: GOV.UK radios, each label a tag in the category's colour with its description as the
 * hint. The options are the schema's `enum`/`oneOf` values matched to the policy's categories by key, or, if the
 * schema lists none, every category.
 */
export default function CategorySelectorWidget(props: WidgetProps) {
  const { options, registry } = props;
  const categories = getCategories(options, registry.formContext);
  const byKey = new Map(categories.map((category) => [category.key, category]));
  // A bare `enum` of keys labels each option with the key: use the category's own label instead.
  const enumOptions: EnumOptionsType[] = options.enumOptions?.length
    ? options.enumOptions.map((option) =>
        option.label === String(option.value) && byKey.has(option.label)
          ? { ...option, label: byKey.get(option.label)?.label ?? option.label }
          : option,
      )
    : categories.map((category) => ({ value: category.key, label: category.label }));
  const enumHints = Object.fromEntries(categories.map((category) => [category.key, category.description]));
  return (
    <RadioItems
      {...props}
      className="steward-category-selector"
      options={{
        ...options,
        enumOptions,
        enumHints: { ...enumHints, ...(options.enumHints as Record<string, string> | undefined) },
        inline: false,
      }}
      renderLabel={(option) => <CategoryTag category={byKey.get(String(option.value))} label={option.label} />}
    />
  );
}
CategorySelectorWidget.govukChrome = "fieldset" as const;
CategorySelectorWidget.govukConditionalReveal = true;
