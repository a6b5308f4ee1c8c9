import { inputTypeWidget } from "../input-type-widget.tsx";

/** A time of day (`HH:MM`). */
const TimeWidget = inputTypeWidget("time");
export default TimeWidget;
