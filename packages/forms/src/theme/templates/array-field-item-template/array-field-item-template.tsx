import { getTemplate, getUiOptions, type ArrayFieldItemTemplateProps } from "@rjsf/utils";
import { useContext } from "react";

import { ArrayItemNounContext } from "../../shared/array-context.ts";
import { ItemLabelContext } from "../../shared/contexts.tsx";

/**
 * One item of an "add another" list. It names the item ("Action 2") for the item's own legend or label, and puts the
 * Remove button after it. Reordering buttons appear only when the list's `ui:options.orderable` is `true`.
 */
export default function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index, readonly, disabled, registry, uiSchema, parentUiSchema } = props;
  const noun = useContext(ArrayItemNounContext);
  const ButtonsTemplate = getTemplate<"ArrayFieldItemButtonsTemplate">(
    "ArrayFieldItemButtonsTemplate",
    registry,
    getUiOptions(uiSchema),
  );
  const isOrderable = getUiOptions(parentUiSchema).orderable === true;
  const buttons = {
    ...buttonsProps,
    hasMoveUp: isOrderable && buttonsProps.hasMoveUp,
    hasMoveDown: isOrderable && buttonsProps.hasMoveDown,
  };
  const showButtons =
    hasToolbar &&
    !readonly &&
    !disabled &&
    (buttons.hasRemove || buttons.hasMoveUp || buttons.hasMoveDown || buttons.hasCopy);
  return (
    <div className="steward-add-another__item">
      <ItemLabelContext.Provider value={{ id: buttonsProps.fieldPathId.$id, label: `${noun} ${index + 1}` }}>
        {children}
      </ItemLabelContext.Provider>
      {showButtons && <ButtonsTemplate {...buttons} />}
    </div>
  );
}
