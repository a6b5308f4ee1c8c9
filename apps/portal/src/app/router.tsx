import { createStewardRouter, EmailSettingsPage, lazyPages } from "@steward/ui";

import { HistoryPage } from "../features/history/history-page.tsx";
import { LetterPage } from "../features/letters/letter-page.tsx";
import { LettersPage } from "../features/letters/letters-page.tsx";
import { NeededPage } from "../features/needed/needed-page.tsx";
import { OverviewPage } from "../features/overview/overview-page.tsx";

// Pages with forms load the forms library when first visited.
const formsPage = lazyPages(() => import("../features/forms/forms-page.tsx"));
const visitsPage = lazyPages(() => import("../features/visits/visits-page.tsx"));

export const router = createStewardRouter({ audience: "school", homeLabel: "Go to your school's page" }, [
  { index: true, element: <OverviewPage />, menu: { label: "Your school", needs: ["read School"] } },
  {
    path: "needed",
    element: <NeededPage />,
    menu: { label: "What we need from you", needs: ["read Case"], countsWork: true },
  },
  { path: "visits", lazy: visitsPage("VisitsPage"), menu: { label: "Visits", needs: ["read Visit"] } },
  { path: "visits/:visitId", lazy: visitsPage("VisitReportPage") },
  { path: "letters", element: <LettersPage />, menu: { label: "Letters", needs: ["read Letter"] } },
  { path: "letters/:letterId", element: <LetterPage /> },
  { path: "forms", lazy: formsPage("FormsPage"), menu: { label: "Forms", needs: ["read FormResponse"] } },
  { path: "forms/new/:formKey", lazy: formsPage("NewFormPage") },
  { path: "forms/responses/:responseId", lazy: formsPage("ResponsePage") },
  { path: "history", element: <HistoryPage />, menu: { label: "History", needs: ["read Case"] } },
  { path: "email-settings", element: <EmailSettingsPage />, menu: { label: "Email settings", needs: [] } },
]);
