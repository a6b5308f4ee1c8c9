import { inputTypeWidget } from "../input-type-widget.tsx";

/** A GOV.UK text input for a web address. */
const URLWidget = inputTypeWidget("url");
export default URLWidget;
