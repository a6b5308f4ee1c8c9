import { inputTypeWidget } from "../input-type-widget.tsx";

/** A number, as a GOV.UK text input with a numeric keyboard (GOV.UK advises against `type=number`). */
const UpDownWidget = inputTypeWidget("number");
export default UpDownWidget;
