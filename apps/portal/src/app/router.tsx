import { createStewardRouter, type ShellProps } from "@steward/ui";

import { HistoryPage } from "../features/history/history-page.tsx";
import { LetterPage } from "../features/letters/letter-page.tsx";
import { LettersPage } from "../features/letters/letters-page.tsx";
import { OverviewPage } from "../features/overview/overview-page.tsx";

const shell: ShellProps = {
  serviceName: "Steward for schools",
  appPath: "/portal/",
  audience: "school",
  otherApp: { path: "/admin/", name: "LA casework service" },
  navigation: [
    { to: "/", label: "Your school", needs: ["read School"], end: true },
    { to: "/visits", label: "Visits", needs: ["read Visit"] },
    { to: "/letters", label: "Letters", needs: ["read Letter"] },
    { to: "/forms", label: "Forms", needs: ["read FormResponse"] },
    { to: "/history", label: "History", needs: ["read Case"] },
  ],
};

// Pages with forms load the forms library when first visited.
const lazyForms = () => import("../features/forms/forms-page.tsx");
const lazyVisits = () => import("../features/visits/visits-page.tsx");

export const router = createStewardRouter(
  shell,
  [
    { index: true, element: <OverviewPage /> },
    { path: "visits", lazy: async () => ({ Component: (await lazyVisits()).VisitsPage }) },
    { path: "visits/:visitId", lazy: async () => ({ Component: (await lazyVisits()).VisitReportPage }) },
    { path: "letters", element: <LettersPage /> },
    { path: "letters/:letterId", element: <LetterPage /> },
    { path: "forms", lazy: async () => ({ Component: (await lazyForms()).FormsPage }) },
    { path: "forms/new/:formKey", lazy: async () => ({ Component: (await lazyForms()).NewFormPage }) },
    { path: "forms/responses/:responseId", lazy: async () => ({ Component: (await lazyForms()).ResponsePage }) },
    { path: "history", element: <HistoryPage /> },
  ],
  { basename: "/portal", homeLabel: "Go to your school's page" },
);
