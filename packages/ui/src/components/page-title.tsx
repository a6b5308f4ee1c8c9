import { createContext, useContext, useEffect } from "react";

/** The service and authority name every page title ends with. */
export const TitleSuffixContext = createContext("Steward");

/** Sets the document title for the page: "<page> – <authority> – Steward". */
export function usePageTitle(title: string | undefined, options: { error?: boolean } = {}) {
  const suffix = useContext(TitleSuffixContext);
  useEffect(() => {
    if (title) document.title = `${options.error ? "Error: " : ""}${title} – ${suffix}`;
  }, [title, suffix, options.error]);
}
