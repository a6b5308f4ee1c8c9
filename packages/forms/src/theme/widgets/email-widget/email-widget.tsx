import { inputTypeWidget } from "../input-type-widget.tsx";

/** A GOV.UK text input for an email address: `type=email`, no spellcheck, `autocomplete=email`. */
const EmailWidget = inputTypeWidget("email");
export default EmailWidget;
