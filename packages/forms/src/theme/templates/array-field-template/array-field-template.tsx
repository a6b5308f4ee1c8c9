import {
  buttonId,
  descriptionId,
  errorId,
  getTemplate,
  getUiOptions,
  helpId,
  type ArrayFieldTemplateProps,
} from "@rjsf/utils";
import { useEffect, useRef, type MouseEvent, type RefObject } from "react";

import { joinIds } from "../../../govuk/class-names.ts";
import { ErrorMessage, Fieldset, Hint } from "../../../govuk/frame.tsx";
import { ArrayItemNounContext, getItemNoun } from "../../shared/array-context.ts";
import { useItemLabel } from "../../shared/contexts.tsx";
import { getThemeOptions } from "../../shared/form-context.ts";
import { lowerFirst } from "../../shared/text.ts";
import { getOptionalSuffix } from "../field-template/field-template.tsx";
import { getHeadingTag } from "../object-field-template/object-field-template.tsx";

const FOCUSABLE = "input:not([type=hidden]), select, textarea, button";

/**
 * Where focus goes after the list changes: to the new item's first question after adding, to the list's heading after
 * removing. The handlers note which change the user asked for; the effect moves focus once the items have changed.
 */
function useAddAnotherFocus(count: number, onAddClick: (event: MouseEvent<HTMLButtonElement>) => void) {
  const containerRef = useRef<HTMLFieldSetElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingFocus = useRef<"add" | "remove" | undefined>(undefined);
  useEffect(() => {
    const pending = pendingFocus.current;
    pendingFocus.current = undefined;
    if (pending === "add") {
      const rendered = containerRef.current?.querySelectorAll(
        ":scope > .steward-add-another__items > .steward-add-another__item",
      );
      rendered?.[rendered.length - 1]?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    } else if (pending === "remove") {
      headingRef.current?.focus();
    }
  }, [count]);
  const onClickCapture = (event: MouseEvent<HTMLElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    const remove = target?.closest("[data-steward-remove]");
    if (remove && remove.closest(".steward-add-another") === containerRef.current) pendingFocus.current = "remove";
  };
  const handleAdd = (event: MouseEvent<HTMLButtonElement>) => {
    pendingFocus.current = "add";
    onAddClick(event);
  };
  return { containerRef, headingRef, onClickCapture, handleAdd };
}

/** The list's legend: a heading one level down that takes focus after an item is removed. */
function ArrayHeading({
  depth,
  text,
  headingRef,
}: {
  depth: number;
  text: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const HeadingTag = getHeadingTag(depth);
  return (
    <HeadingTag ref={headingRef} tabIndex={-1} className="govuk-fieldset__heading">
      {text}
    </HeadingTag>
  );
}

/**
 * A list the user adds to, GOV.UK's "add another" pattern: the list is a fieldset; each item is its own fieldset
 * ("Action 2") with a Remove button; "Add another action" below. Focus follows the change: to the new item's first
 * question after adding, to the list's heading after removing.
 */
export default function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, disabled, fieldPathId, items, readonly, registry, required, schema, title, uiSchema } = props;
  const { rawErrors, optionalDataControl } = props;
  const id = fieldPathId.$id;
  const options = getUiOptions(uiSchema, registry.globalUiOptions);
  const itemLabel = useItemLabel(id);
  const noun = getItemNoun(schema, uiSchema);
  const count = items.length;
  const { containerRef, headingRef, onClickCapture, handleAdd } = useAddAnotherFocus(count, props.onAddClick);
  const { AddButton } = registry.templates.ButtonTemplates;
  const DescriptionTemplate = getTemplate<"ArrayFieldDescriptionTemplate">(
    "ArrayFieldDescriptionTemplate",
    registry,
    options,
  );
  const description = options.description || schema.description;
  const help = typeof options.help === "string" ? options.help : undefined;
  const hasError = (rawErrors?.length ?? 0) > 0;
  const depth = fieldPathId.path.length;
  const heading = `${itemLabel ?? title ?? ""}${getOptionalSuffix(required, getThemeOptions(registry).markOptional)}`;
  const isEditable = !readonly && !disabled;
  return (
    <Fieldset
      ref={containerRef}
      id={id}
      className="steward-add-another"
      describedBy={joinIds(description && descriptionId(id), help && helpId(id), hasError && errorId(id))}
      onClickCapture={onClickCapture}
      legend={<ArrayHeading depth={depth} text={heading} headingRef={headingRef} />}
      legendClassName={depth <= 1 ? "govuk-fieldset__legend--m" : "govuk-fieldset__legend--s"}
    >
      {description && (
        <DescriptionTemplate
          description={description}
          fieldPathId={fieldPathId}
          schema={schema}
          uiSchema={uiSchema}
          registry={registry}
        />
      )}
      {help && <Hint id={helpId(id)}>{help}</Hint>}
      {hasError && <ErrorMessage id={errorId(id)}>{rawErrors?.[0]}</ErrorMessage>}
      {optionalDataControl}
      <ArrayItemNounContext.Provider value={noun}>
        <div className="steward-add-another__items">{items}</div>
      </ArrayItemNounContext.Provider>
      {count === 0 && !isEditable && <p className="govuk-body">None</p>}
      {canAdd && isEditable && (
        <AddButton
          id={buttonId(id, "add")}
          className="steward-add-another__add"
          onClick={handleAdd}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        >
          {count === 0 ? `Add ${lowerFirst(noun)}` : `Add another ${lowerFirst(noun)}`}
        </AddButton>
      )}
    </Fieldset>
  );
}
