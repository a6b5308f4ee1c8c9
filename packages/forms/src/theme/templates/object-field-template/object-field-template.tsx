import {
  buttonId,
  canExpand,
  deepEquals,
  descriptionId,
  errorId,
  getUiOptions,
  helpId,
  type ObjectFieldTemplatePropertyType,
  type ObjectFieldTemplateProps,
  type UiSchema,
} from "@rjsf/utils";
import { Fragment, type ReactNode } from "react";

import { joinIds } from "../../../govuk/class-names.ts";
import { ErrorMessage, Fieldset, Hint } from "../../../govuk/frame.tsx";
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
function useLaidOutProperties(props: ObjectFieldTemplateProps): ReactNode[] {
  const { properties, schema, uiSchema, registry, fieldPathId } = props;
  // The theme draws any data: rjsf types it as `any`, read here as unknown.
  const formData: unknown = props.formData;
  const byName = new Map<string, ObjectFieldTemplatePropertyType>(
    properties.map((property) => [property.name, property]),
  );
  const raw = findRawSchema(registry.rootSchema, fieldPathId.path) ?? schema;
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
    const resolvedSchema = registry.schemaUtils.retrieveSchema(controllerSchema, value);
    const controllerUi = (uiSchema as Record<string, unknown> | undefined)?.[controller] as UiSchema | undefined;
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

/** What every kind of object draws: its id, heading, description, help, error, and the questions themselves. */
interface ObjectParts {
  id: string;
  heading: string | undefined;
  caption: string | undefined;
  description: ReactNode;
  help: string | undefined;
  errors: string[];
  errorMessage: ReactNode;
  /** The optional-data control, the laid-out questions and any Add button, in order. */
  body: ReactNode;
}

/** The form's root object: its title as the page's `<h1>` (with a caption), then its questions. */
function RootObject({ parts, showTitle }: { parts: ObjectParts; showTitle: boolean }) {
  const { id, heading, caption, description, help, errorMessage, body } = parts;
  return (
    <div className="steward-form__body">
      {showTitle && heading && (
        <h1 className="govuk-heading-l" tabIndex={-1}>
          {caption && <span className="govuk-caption-l">{caption}</span>}
          {heading}
        </h1>
      )}
      {description && (
        <div id={descriptionId(id)} className="govuk-body">
          {description}
        </div>
      )}
      {help && <Hint id={helpId(id)}>{help}</Hint>}
      {errorMessage}
      {body}
    </div>
  );
}

/** A nested object with a heading: a GOV.UK fieldset whose legend holds a heading one level down. */
function ObjectSection({ parts, depth }: { parts: ObjectParts; depth: number }) {
  const { id, heading, description, help, errors, errorMessage, body } = parts;
  const HeadingTag = getHeadingTag(depth);
  return (
    <Fieldset
      id={id}
      describedBy={joinIds(
        Boolean(description) && descriptionId(id),
        help && helpId(id),
        errors.length > 0 && errorId(id),
      )}
      legend={<HeadingTag className="govuk-fieldset__heading">{heading}</HeadingTag>}
      legendClassName={depth <= 1 ? "govuk-fieldset__legend--m" : "govuk-fieldset__legend--s"}
    >
      {description && <Hint id={descriptionId(id)}>{description}</Hint>}
      {help && <Hint id={helpId(id)}>{help}</Hint>}
      {errorMessage}
      {body}
    </Fieldset>
  );
}

/** The "Add …" button of an object that takes additional properties, when it can grow and may be edited. */
function AddPropertyButton(props: ObjectFieldTemplateProps) {
  const { title, fieldPathId, uiSchema, schema, registry, readonly, disabled, onAddProperty } = props;
  if (!canExpand(schema, uiSchema, props.formData) || readonly || disabled) return null;
  const { AddButton } = registry.templates.ButtonTemplates;
  return (
    <AddButton
      id={buttonId(fieldPathId.$id, "add")}
      onClick={onAddProperty}
      disabled={disabled || readonly}
      uiSchema={uiSchema}
      registry={registry}
    >
      Add {title ? title.toLowerCase() : "another"}
    </AddButton>
  );
}

/**
 * An object: the form's root gets the title as its `<h1>`; a nested object is a GOV.UK fieldset whose legend holds a
 * heading one level down (array items are named "Action 2" by the array).
 */
export default function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, fieldPathId, uiSchema, registry, errorSchema, optionalDataControl } = props;
  const id = fieldPathId.$id;
  const depth = fieldPathId.path.length;
  const itemLabel = useItemLabel(id);
  const content = useLaidOutProperties(props);
  const options = getUiOptions(uiSchema, registry.globalUiOptions);
  const errors = errorSchema?.__errors ?? [];
  const heading = itemLabel ?? (options.label === false ? undefined : title);
  const errorMessage = errors.length > 0 ? <ErrorMessage id={errorId(id)}>{errors[0]}</ErrorMessage> : null;
  const addButton = <AddPropertyButton {...props} />;
  if (depth > 0 && !heading) {
    return (
      <div className="steward-object">
        {errorMessage}
        {content}
        {addButton}
      </div>
    );
  }
  const parts: ObjectParts = {
    id,
    heading,
    caption: typeof options.caption === "string" && options.caption ? options.caption : undefined,
    description,
    help: typeof options.help === "string" ? options.help : undefined,
    errors,
    errorMessage,
    body: (
      <>
        {optionalDataControl}
        {content}
        {addButton}
      </>
    ),
  };
  if (depth === 0) return <RootObject parts={parts} showTitle={getThemeOptions(registry).showTitle} />;
  return <ObjectSection parts={parts} depth={depth} />;
}
