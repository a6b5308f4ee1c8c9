import { AcceptInvitePage, PublicLayout, type ShellProps, SignedInLayout, SignInPage, usePageTitle } from "@steward/ui";
import { createBrowserRouter, Link } from "react-router";
import { HistoryPage } from "../features/history/history-page.tsx";
import { LetterPage, LettersPage } from "../features/letters/letters-page.tsx";
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

function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your school's page
        </Link>
      </p>
    </>
  );
}

// Pages with forms load the forms library when first visited.
const lazyForms = () => import("../features/forms/forms-page.tsx");
const lazyVisits = () => import("../features/visits/visits-page.tsx");

export const router = createBrowserRouter(
  [
    {
      element: <PublicLayout {...shell} />,
      children: [
        { path: "sign-in", element: <SignInPage audience="school" /> },
        { path: "invite", element: <AcceptInvitePage /> },
      ],
    },
    {
      element: <SignedInLayout {...shell} />,
      children: [
        { index: true, element: <OverviewPage /> },
        { path: "visits", lazy: async () => ({ Component: (await lazyVisits()).VisitsPage }) },
        { path: "visits/:visitId", lazy: async () => ({ Component: (await lazyVisits()).VisitReportPage }) },
        { path: "letters", element: <LettersPage /> },
        { path: "letters/:letterId", element: <LetterPage /> },
        { path: "forms", lazy: async () => ({ Component: (await lazyForms()).FormsPage }) },
        { path: "forms/new/:formKey", lazy: async () => ({ Component: (await lazyForms()).NewFormPage }) },
        { path: "forms/responses/:responseId", lazy: async () => ({ Component: (await lazyForms()).ResponsePage }) },
        { path: "history", element: <HistoryPage /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/portal" },
);
