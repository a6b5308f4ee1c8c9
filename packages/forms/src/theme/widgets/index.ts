import type { RegistryWidgetsType } from "@rjsf/utils";

import BestFitWidget from "./best-fit-widget/best-fit-widget.tsx";
import CategorySelectorWidget from "./category-selector-widget/category-selector-widget.tsx";
import CheckboxWidget from "./checkbox-widget/checkbox-widget.tsx";
import CheckboxesWidget from "./checkboxes-widget/checkboxes-widget.tsx";
import ColorWidget from "./color-widget/color-widget.tsx";
import DateTimeWidget from "./date-time-widget/date-time-widget.tsx";
import DateWidget from "./date-widget/date-widget.tsx";
import EmailWidget from "./email-widget/email-widget.tsx";
import FileWidget from "./file-widget/file-widget.tsx";
import HiddenWidget from "./hidden-widget/hidden-widget.tsx";
import PasswordWidget from "./password-widget/password-widget.tsx";
import RadioWidget from "./radio-widget/radio-widget.tsx";
import RangeWidget from "./range-widget/range-widget.tsx";
import RatingScaleWidget from "./rating-scale-widget/rating-scale-widget.tsx";
import SelectWidget from "./select-widget/select-widget.tsx";
import TextWidget from "./text-widget/text-widget.tsx";
import TextareaWidget from "./textarea-widget/textarea-widget.tsx";
import TimeWidget from "./time-widget/time-widget.tsx";
import UpDownWidget from "./up-down-widget/up-down-widget.tsx";
import URLWidget from "./url-widget/url-widget.tsx";
import YesNoWidget from "./yes-no-widget/yes-no-widget.tsx";

/**
 * A fresh map of every widget: rjsf's standard names in GOV.UK markup, and Steward's own, each under its component
 * name and a short `ui:widget` name (`yesNo`, `categorySelector`, `ratingScale`, `bestFit`).
 */
export function generateWidgets(): RegistryWidgetsType {
  const widgets = {
    AltDateTimeWidget: DateTimeWidget,
    AltDateWidget: DateWidget,
    CheckboxWidget,
    CheckboxesWidget,
    ColorWidget,
    DateTimeWidget,
    DateWidget,
    EmailWidget,
    FileWidget,
    HiddenWidget,
    PasswordWidget,
    RadioWidget,
    RangeWidget,
    RatingWidget: RatingScaleWidget,
    SelectWidget,
    TextWidget,
    TextareaWidget,
    TimeWidget,
    URLWidget,
    UpDownWidget,
    YesNoWidget,
    yesNo: YesNoWidget,
    CategorySelectorWidget,
    categorySelector: CategorySelectorWidget,
    RatingScaleWidget,
    ratingScale: RatingScaleWidget,
    BestFitWidget,
    bestFit: BestFitWidget,
  };
  return { ...widgets };
}

export {
  BestFitWidget,
  CategorySelectorWidget,
  CheckboxWidget,
  CheckboxesWidget,
  ColorWidget,
  DateTimeWidget,
  DateWidget,
  EmailWidget,
  FileWidget,
  HiddenWidget,
  PasswordWidget,
  RadioWidget,
  RangeWidget,
  RatingScaleWidget,
  SelectWidget,
  TextWidget,
  TextareaWidget,
  TimeWidget,
  URLWidget,
  UpDownWidget,
  YesNoWidget,
};
