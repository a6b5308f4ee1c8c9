import { inputTypeWidget } from "../input-type-widget.tsx";

/** A GOV.UK text input (numbers too: the BaseInputTemplate gives them a numeric keyboard). */
const TextWidget = inputTypeWidget();
export default TextWidget;
