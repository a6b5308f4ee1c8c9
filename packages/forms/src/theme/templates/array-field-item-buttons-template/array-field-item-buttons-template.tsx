import { buttonId, type ArrayFieldItemButtonsTemplateProps } from "@rjsf/utils";
import { useContext } from "react";

import { ArrayItemNounContext } from "../../shared/array-context.ts";
import { lowerFirst } from "../../shared/text.ts";

/** The buttons of one list item, each saying which item it acts on to screen readers ("Remove action 2"). */
export default function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const {
    disabled,
    hasCopy,
    hasMoveDown,
    hasMoveUp,
    hasRemove,
    fieldPathId,
    index,
    onCopyItem,
    onRemoveItem,
    onMoveDownItem,
    onMoveUpItem,
    readonly,
    registry,
    uiSchema,
  } = props;
  const { CopyButton, MoveDownButton, MoveUpButton, RemoveButton } = registry.templates.ButtonTemplates;
  const noun = useContext(ArrayItemNounContext);
  const which = <span className="govuk-visually-hidden"> {`${lowerFirst(noun)} ${index + 1}`}</span>;
  const id = fieldPathId.$id;
  const isDisabled = disabled || readonly;
  return (
    <div className="govuk-button-group steward-add-another__buttons">
      {hasMoveUp && (
        <MoveUpButton
          id={buttonId(id, "moveUp")}
          disabled={isDisabled}
          onClick={onMoveUpItem}
          uiSchema={uiSchema}
          registry={registry}
        >
          Move up{which}
        </MoveUpButton>
      )}
      {hasMoveDown && (
        <MoveDownButton
          id={buttonId(id, "moveDown")}
          disabled={isDisabled}
          onClick={onMoveDownItem}
          uiSchema={uiSchema}
          registry={registry}
        >
          Move down{which}
        </MoveDownButton>
      )}
      {hasCopy && (
        <CopyButton
          id={buttonId(id, "copy")}
          disabled={isDisabled}
          onClick={onCopyItem}
          uiSchema={uiSchema}
          registry={registry}
        >
          Copy{which}
        </CopyButton>
      )}
      {hasRemove && (
        <RemoveButton
          id={buttonId(id, "remove")}
          disabled={isDisabled}
          onClick={onRemoveItem}
          uiSchema={uiSchema}
          registry={registry}
        >
          Remove{which}
        </RemoveButton>
      )}
    </div>
  );
}
