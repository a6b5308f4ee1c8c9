import { getUiOptions, type UiSchema } from "@rjsf/utils";
import { createContext } from "react";

import { getSingular } from "./text.ts";

/** What one item of the array being drawn is called ("Action"), for legends and button text. */
export const ArrayItemNounContext = createContext("Item");

/**
 * Names an array's items: `ui:options.itemTitle`, else the items' schema title, else the array title made singular
 * ("Priorities" -> "Priority", "Actions for improvement" -> "Action for improvement"), else "Item".
 */
export function getItemNoun(schema: { title?: string; items?: unknown }, uiSchema?: UiSchema): string {
  const options = getUiOptions(uiSchema);
  if (typeof options.itemTitle === "string" && options.itemTitle) return options.itemTitle;
  const items = schema.items as { title?: unknown } | undefined;
  if (items && !Array.isArray(items) && typeof items.title === "string" && items.title) return items.title;
  const title = schema.title?.trim();
  if (!title) return "Item";
  const whole = getSingular(title);
  if (whole) return whole;
  const [first, ...rest] = title.split(" ");
  const firstSingular = first ? getSingular(first) : undefined;
  return firstSingular && rest.length > 0 ? [firstSingular, ...rest].join(" ") : "Item";
}
