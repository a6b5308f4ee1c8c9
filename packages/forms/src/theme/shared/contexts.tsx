import { createContext, useContext, type ReactNode } from "react";

/**
 * An array item's visible name ("Action 2"), handed from the ArrayFieldItemTemplate to the template that draws the
 * item's own label or legend. rjsf would otherwise label it "Agreed next steps-2".
 */
export interface ItemLabel {
  id: string;
  label: string;
}

export const ItemLabelContext = createContext<ItemLabel | undefined>(undefined);

/** The item label for the field with this id, when it is an array item. */
export function useItemLabel(id: string): string | undefined {
  const itemLabel = useContext(ItemLabelContext);
  return itemLabel?.id === id ? itemLabel.label : undefined;
}

/**
 * Follow-up questions revealed under one option of a radio group (GOV.UK conditional reveal). The ObjectFieldTemplate
 * provides them around the controlling field; the radios widget with the same id draws them under the chosen option.
 */
export interface ConditionalPanels {
  controllerId: string;
  /** Follow-up content keyed by the option value (JSON-encoded) that reveals it. */
  panels: Map<string, ReactNode>;
}

export const ConditionalRevealContext = createContext<ConditionalPanels | undefined>(undefined);

/** The JSON key a conditional panel is stored under for an option value. */
export function getPanelKey(value: unknown): string {
  return JSON.stringify(value);
}

/** Conditional panels for the widget with this id, if any. */
export function useConditionalPanels(id: string): Map<string, ReactNode> | undefined {
  const conditional = useContext(ConditionalRevealContext);
  return conditional?.controllerId === id ? conditional.panels : undefined;
}
