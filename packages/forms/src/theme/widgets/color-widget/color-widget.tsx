import { inputTypeWidget } from "../input-type-widget.tsx";

/** A colour picker. */
const ColorWidget = inputTypeWidget("color");
export default ColorWidget;
