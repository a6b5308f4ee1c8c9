import {
  buttonId,
  canExpand,
  deepEquals,
  descriptionId,
  errorId,
  getUiOptions,
  helpId,
  type FormContextType,
  type ObjectFieldTemplatePropertyType,
  type ObjectFieldTemplateProps,
  type RJSFSchema,
  type StrictRJSFSchema,
  type UiSchema,
} from "@rjsf/utils";
import { Fragment, type ReactNode } from "react";

import { cx, joinIds } from "../../../govuk/class-names.ts";
import { resolveWidget } from "../../shared/chrome.ts";
import { findRawSchema, getConditions } from "../../shared/conditions.ts";
import { ConditionalRevealContext, getPanelKey, useItemLabel } from "../../shared/contexts.tsx";
import { getThemeOptions } from "../../shared/form-context.ts";

type HeadingTag = "h1" | "h2" | "h3" | "h4" | "h5" | "h6";

/** The heading element for a section `depth` levels below the form (the form's own title is the `<h1>`). */
export function getHeadingTag(depth: number): HeadingTag {
  return `h${Math.min(6, Math.max(1, depth + 1))}` as HeadingTag;
}

/**
 * Lays out an object's questions, placing conditional follow-up questions (JSON Schema `dependencies` or `if`/`then`
 * on one field's value) under the radio option that reveals them, GOV.UK's conditional reveal. Where the controlling
 * question is not a radio group, follow-ups come straight after it.
 */
function useLaidOutProperties<T, S extends StrictRJSFSchema, F extends FormContextType>(
  props: ObjectFieldTemplateProps<T, S, F>,
): ReactNode[] {
  const { properties, schema, uiSchema, registry, fieldPathId, formData } = props;
  const byName = new Map<string, ObjectFieldTemplatePropertyType>(
    properties.map((property) => [property.name, property]),
  );
  const raw = findRawSchema(registry.rootSchema as RJSFSchema, fieldPathId.path) ?? (schema as RJSFSchema);
  const conditions = getConditions(raw);
  if (conditions.length === 0)
    return properties.map((property) => <Fragment key={property.name}>{property.content}</Fragment>);
  const data = (formData ?? {}) as Record<string, unknown>;
  const followUps = new Map<string, string[]>();
  // Every radio group that can reveal questions keeps the same wrapper whether or not it reveals any now, so choosing
  // an option does not remount the radios (which would lose the user's focus).
  const controllers = new Set<string>();
  const placed = new Set<string>();
  for (const condition of conditions) {
    const { controller } = condition;
    if (!byName.has(controller) || placed.has(controller)) continue;
    const controllerSchema = schema.properties?.[controller];
    if (typeof controllerSchema !== "object") continue;
    const value = data[controller];
    const resolvedSchema = registry.schemaUtils.retrieveSchema(controllerSchema as S, value as T);
    const controllerUi = (uiSchema as Record<string, unknown> | undefined)?.[controller] as
      UiSchema<T, S, F> | undefined;
    if (!resolveWidget(resolvedSchema, controllerUi, registry).component?.govukConditionalReveal) continue;
    controllers.add(controller);
    if (value === undefined) continue;
    if (condition.values && !condition.values.some((candidate) => deepEquals(candidate, value))) continue;
    const list = followUps.get(controller) ?? [];
    for (const field of condition.fields) {
      if (byName.has(field) && !placed.has(field) && field !== controller) {
        list.push(field);
        placed.add(field);
      }
    }
    followUps.set(controller, list);
  }
  const { idSeparator } = registry.globalFormOptions;
  const rendering = new Set<string>();
  const render = (name: string): ReactNode => {
    const property = byName.get(name);
    if (!property || rendering.has(name)) return null;
    rendering.add(name);
    if (!controllers.has(name)) return <Fragment key={name}>{property.content}</Fragment>;
    const fields = followUps.get(name) ?? [];
    const panels = new Map<string, ReactNode>(
      fields.length > 0
        ? [[getPanelKey(data[name]), <Fragment key={`${name}-panel`}>{fields.map(render)}</Fragment>]]
        : [],
    );
    return (
      <ConditionalRevealContext.Provider
        key={name}
        value={{ controllerId: `${fieldPathId.$id}${idSeparator}${name}`, panels }}
      >
        {property.content}
      </ConditionalRevealContext.Provider>
    );
  };
  return properties.filter((property) => !placed.has(property.name)).map((property) => render(property.name));
}

/**
 * An object: the form's root gets the title as its `<h1>`; a nested object is a GOV.UK fieldset whose legend holds a
 * heading one level down (array items are named "Action 2" by the array).
 */
export default function ObjectFieldTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: ObjectFieldTemplateProps<T, S, F>) {
  const {
    title,
    description,
    fieldPathId,
    uiSchema,
    schema,
    registry,
    formData,
    errorSchema,
    readonly,
    disabled,
    onAddProperty,
    optionalDataControl,
  } = props;
  const id = fieldPathId.$id;
  const depth = fieldPathId.path.length;
  const itemLabel = useItemLabel(id);
  const content = useLaidOutProperties(props);
  const options = getUiOptions<T, S, F>(uiSchema, registry.globalUiOptions);
  const { AddButton } = registry.templates.ButtonTemplates;
  const help = typeof options.help === "string" ? options.help : undefined;
  const errors = (errorSchema as { __errors?: string[] } | undefined)?.__errors ?? [];
  const heading = itemLabel ?? (options.label === false ? undefined : title);
  const addButton =
    canExpand<T, S, F>(schema, uiSchema, formData) && !readonly && !disabled ? (
      <AddButton
        id={buttonId(id, "add")}
        onClick={onAddProperty}
        disabled={disabled || readonly}
        uiSchema={uiSchema}
        registry={registry}
      >
        Add {title ? title.toLowerCase() : "another"}
      </AddButton>
    ) : null;
  const errorMessage =
    errors.length > 0 ? (
      <p id={errorId(id)} className="govuk-error-message">
        <span className="govuk-visually-hidden">Error:</span> {errors[0]}
      </p>
    ) : null;
  if (depth === 0) {
    const { showTitle } = getThemeOptions(registry);
    return (
      <div className="steward-form__body">
        {showTitle && heading && (
          <h1 className="govuk-heading-l" tabIndex={-1}>
            {typeof options.caption === "string" && options.caption && (
              <span className="govuk-caption-l">{options.caption}</span>
            )}
            {heading}
          </h1>
        )}
        {description && (
          <div id={descriptionId(id)} className="govuk-body">
            {description}
          </div>
        )}
        {help && (
          <div id={helpId(id)} className="govuk-hint">
            {help}
          </div>
        )}
        {errorMessage}
        {optionalDataControl}
        {content}
        {addButton}
      </div>
    );
  }
  if (!heading) {
    return (
      <div className="steward-object">
        {errorMessage}
        {content}
        {addButton}
      </div>
    );
  }
  const HeadingTag = getHeadingTag(depth);
  return (
    <fieldset
      className="govuk-fieldset"
      id={id}
      aria-describedby={joinIds(description && descriptionId(id), help && helpId(id), errors.length > 0 && errorId(id))}
    >
      <legend
        className={cx("govuk-fieldset__legend", depth <= 1 ? "govuk-fieldset__legend--m" : "govuk-fieldset__legend--s")}
      >
        <HeadingTag className="govuk-fieldset__heading">{heading}</HeadingTag>
      </legend>
      {description && (
        <div id={descriptionId(id)} className="govuk-hint">
          {description}
        </div>
      )}
      {help && (
        <div id={helpId(id)} className="govuk-hint">
          {help}
        </div>
      )}
      {errorMessage}
      {optionalDataControl}
      {content}
      {addButton}
    </fieldset>
  );
}
