import { inputTypeWidget } from "../input-type-widget.tsx";

/** A GOV.UK text input that hides what is typed. */
const PasswordWidget = inputTypeWidget("password");
export default PasswordWidget;
