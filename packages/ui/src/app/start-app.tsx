/**
 * The one bootstrap both apps run: GOV.UK Frontend's styles and ours, the query and tRPC clients
 * (made once per page load), and the app's router mounted on #root. Each app's main.tsx only
 * passes its router.
 */
import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "../styles.css";

import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";

import { createApiClient, createQueryClient, TRPCProvider } from "../trpc.ts";
import type { createStewardRouter } from "./router.tsx";

type StewardRouter = ReturnType<typeof createStewardRouter>;

function Root({ router }: { router: StewardRouter }) {
  const [queryClient] = useState(createQueryClient);
  const [apiClient] = useState(createApiClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** Renders the app into the page's #root element (index.html must have one). */
export function startApp(router: StewardRouter, rootId = "root") {
  const container = document.getElementById(rootId);
  if (!container) throw new Error(`index.html has no #${rootId} element to render the app into.`);
  createRoot(container).render(
    <StrictMode>
      <Root router={router} />
    </StrictMode>,
  );
}
