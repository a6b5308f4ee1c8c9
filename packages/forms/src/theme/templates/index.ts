import type { TemplatesType } from "@rjsf/utils";

import ArrayFieldDescriptionTemplate from "./array-field-description-template/array-field-description-template.tsx";
import ArrayFieldItemButtonsTemplate from "./array-field-item-buttons-template/array-field-item-buttons-template.tsx";
import ArrayFieldItemTemplate from "./array-field-item-template/array-field-item-template.tsx";
import ArrayFieldTemplate from "./array-field-template/array-field-template.tsx";
import ArrayFieldTitleTemplate from "./array-field-title-template/array-field-title-template.tsx";
import BaseInputTemplate from "./base-input-template/base-input-template.tsx";
import { generateButtonTemplates } from "./button-templates/button-templates.tsx";
import CyclicSchemaExpandTemplate from "./cyclic-schema-expand-template/cyclic-schema-expand-template.tsx";
import DescriptionFieldTemplate from "./description-field-template/description-field-template.tsx";
import ErrorListTemplate from "./error-list-template/error-list-template.tsx";
import FallbackFieldTemplate from "./fallback-field-template/fallback-field-template.tsx";
import FieldErrorTemplate from "./field-error-template/field-error-template.tsx";
import FieldHelpTemplate from "./field-help-template/field-help-template.tsx";
import FieldTemplate from "./field-template/field-template.tsx";
import GridTemplate from "./grid-template/grid-template.tsx";
import MultiSchemaFieldTemplate from "./multi-schema-field-template/multi-schema-field-template.tsx";
import ObjectFieldTemplate from "./object-field-template/object-field-template.tsx";
import OptionalDataControlsTemplate from "./optional-data-controls-template/optional-data-controls-template.tsx";
import TitleFieldTemplate from "./title-field-template/title-field-template.tsx";
import UnsupportedFieldTemplate from "./unsupported-field-template/unsupported-field-template.tsx";
import WrapIfAdditionalTemplate from "./wrap-if-additional-template/wrap-if-additional-template.tsx";

/** A fresh map of every rjsf template, in GOV.UK markup. */
export function generateTemplates(): TemplatesType {
  return {
    ArrayFieldDescriptionTemplate: ArrayFieldDescriptionTemplate,
    ArrayFieldItemButtonsTemplate: ArrayFieldItemButtonsTemplate,
    ArrayFieldItemTemplate: ArrayFieldItemTemplate,
    ArrayFieldTemplate: ArrayFieldTemplate,
    ArrayFieldTitleTemplate: ArrayFieldTitleTemplate,
    BaseInputTemplate: BaseInputTemplate,
    ButtonTemplates: generateButtonTemplates(),
    CyclicSchemaExpandTemplate: CyclicSchemaExpandTemplate,
    DescriptionFieldTemplate: DescriptionFieldTemplate,
    ErrorListTemplate: ErrorListTemplate,
    FallbackFieldTemplate: FallbackFieldTemplate,
    FieldErrorTemplate: FieldErrorTemplate,
    FieldHelpTemplate: FieldHelpTemplate,
    FieldTemplate: FieldTemplate,
    GridTemplate,
    MultiSchemaFieldTemplate: MultiSchemaFieldTemplate,
    ObjectFieldTemplate: ObjectFieldTemplate,
    OptionalDataControlsTemplate: OptionalDataControlsTemplate,
    TitleFieldTemplate: TitleFieldTemplate,
    UnsupportedFieldTemplate: UnsupportedFieldTemplate,
    WrapIfAdditionalTemplate: WrapIfAdditionalTemplate,
  };
}

export {
  ArrayFieldDescriptionTemplate,
  ArrayFieldItemButtonsTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldTemplate,
  ArrayFieldTitleTemplate,
  BaseInputTemplate,
  CyclicSchemaExpandTemplate,
  DescriptionFieldTemplate,
  ErrorListTemplate,
  FallbackFieldTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  FieldTemplate,
  GridTemplate,
  MultiSchemaFieldTemplate,
  ObjectFieldTemplate,
  OptionalDataControlsTemplate,
  TitleFieldTemplate,
  UnsupportedFieldTemplate,
  WrapIfAdditionalTemplate,
};
