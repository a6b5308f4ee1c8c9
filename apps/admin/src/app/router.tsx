import { createStewardRouter, type ShellProps } from "@steward/ui";

import { DashboardPage } from "../features/dashboard/dashboard-page.tsx";

const shell: ShellProps = {
  serviceName: "Steward",
  appPath: "/admin/",
  audience: "la",
  otherApp: { path: "/portal/", name: "school portal" },
  navigation: [
    { to: "/", label: "Dashboard", needs: ["read Case"], end: true },
    { to: "/schools", label: "Schools", needs: ["read School"] },
    { to: "/policy", label: "Policy", needs: ["read Policy"] },
    { to: "/users", label: "Users", needs: ["read User"] },
    { to: "/audit", label: "Audit log", needs: ["read AuditLog"] },
  ],
};

// Large parts of the app load when first visited, so the dashboard starts quickly.
const lazyCase = () => import("../features/cases/routes.tsx");
const lazyPolicy = () => import("../features/policy/routes.tsx");
const lazyAdmin = () => import("../features/admin-routes.tsx");

export const router = createStewardRouter(
  shell,
  [
    { index: true, element: <DashboardPage /> },
    {
      path: "cases/:caseId",
      lazy: async () => ({ Component: (await lazyCase()).CaseLayout }),
      children: [
        { index: true, lazy: async () => ({ Component: (await lazyCase()).OverviewPage }) },
        { path: "assessment", lazy: async () => ({ Component: (await lazyCase()).AssessmentPage }) },
        { path: "visits", lazy: async () => ({ Component: (await lazyCase()).VisitsPage }) },
        { path: "visits/:visitId/record", lazy: async () => ({ Component: (await lazyCase()).RecordVisitPage }) },
        { path: "meetings", lazy: async () => ({ Component: (await lazyCase()).MeetingsPage }) },
        { path: "letters", lazy: async () => ({ Component: (await lazyCase()).LettersPage }) },
        { path: "letters/new", lazy: async () => ({ Component: (await lazyCase()).NewLetterPage }) },
        { path: "letters/:letterId", lazy: async () => ({ Component: (await lazyCase()).LetterPage }) },
        { path: "actions", lazy: async () => ({ Component: (await lazyCase()).ActionsPage }) },
        { path: "as-at", lazy: async () => ({ Component: (await lazyCase()).AsAtPage }) },
      ],
    },
    { path: "policy", lazy: async () => ({ Component: (await lazyPolicy()).VersionsPage }) },
    { path: "policy/import", lazy: async () => ({ Component: (await lazyPolicy()).ImportPolicyPage }) },
    { path: "policy/new-year", lazy: async () => ({ Component: (await lazyPolicy()).NewStrategyYearPage }) },
    { path: "policy/:versionId", lazy: async () => ({ Component: (await lazyPolicy()).EditorPage }) },
    { path: "policy/:versionId/diff", lazy: async () => ({ Component: (await lazyPolicy()).DiffPage }) },
    { path: "policy/:versionId/preview", lazy: async () => ({ Component: (await lazyPolicy()).PreviewPage }) },
    { path: "policy/:versionId/publish", lazy: async () => ({ Component: (await lazyPolicy()).PublishPage }) },
    { path: "schools", lazy: async () => ({ Component: (await lazyAdmin()).SchoolsPage }) },
    { path: "schools/import", lazy: async () => ({ Component: (await lazyAdmin()).ImportSchoolsPage }) },
    { path: "data/import", lazy: async () => ({ Component: (await lazyAdmin()).ImportDataPage }) },
    { path: "schools/:urn", lazy: async () => ({ Component: (await lazyAdmin()).SchoolPage }) },
    { path: "users", lazy: async () => ({ Component: (await lazyAdmin()).UsersPage }) },
    { path: "users/invite", lazy: async () => ({ Component: (await lazyAdmin()).InviteUserPage }) },
    { path: "users/:userId", lazy: async () => ({ Component: (await lazyAdmin()).UserPage }) },
    { path: "audit", lazy: async () => ({ Component: (await lazyAdmin()).AuditPage }) },
  ],
  { basename: "/admin", homeLabel: "Go to the dashboard" },
);
