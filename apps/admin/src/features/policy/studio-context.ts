import { createContext, useContext } from "react";

/** What every studio editor may read: the version and the whole draft around the part it edits. */
export interface StudioContextValue {
  versionId: string;
  /** The document as it is now (unsaved changes included). */
  doc: Record<string, unknown>;
  readonly: boolean;
}

export const StudioContext = createContext<StudioContextValue | null>(null);

/** The studio around an editor; editors are only drawn inside the editor page, which provides it. */
export function useStudio(): StudioContextValue {
  const value = useContext(StudioContext);
  if (!value) throw new Error("A policy studio editor was drawn outside the editor page.");
  return value;
}
