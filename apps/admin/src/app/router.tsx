import { createStewardRouter, EmailSettingsPage, lazyPages } from "@steward/ui";

import { DashboardPage } from "../features/dashboard/dashboard-page.tsx";
import { MyWorkPage } from "../features/work/my-work-page.tsx";

// Large parts of the app load when first visited, so the dashboard starts quickly.
const casePage = lazyPages(() => import("../features/cases/routes.tsx"));
const policyPage = lazyPages(() => import("../features/policy/routes.tsx"));
const adminPage = lazyPages(() => import("../features/admin-routes.tsx"));
const teamPage = lazyPages(() => import("../features/work/team-work-page.tsx"));

export const router = createStewardRouter({ audience: "la", homeLabel: "Go to your work" }, [
  // An officer lands on their work; someone who reads no case (a policy administrator) goes to their first page.
  { index: true, element: <MyWorkPage />, menu: { label: "My work", needs: ["read Case"], countsWork: true } },
  { path: "dashboard", element: <DashboardPage />, menu: { label: "Dashboard", needs: ["read Case"] } },
  { path: "work/team", lazy: teamPage("TeamWorkPage"), menu: { label: "Team's work", needs: ["assign Case"] } },
  {
    path: "cases/:caseId",
    lazy: casePage("CaseLayout"),
    children: [
      { index: true, lazy: casePage("OverviewPage") },
      { path: "assessment", lazy: casePage("AssessmentPage") },
      { path: "visits", lazy: casePage("VisitsPage") },
      { path: "visits/:visitId/record", lazy: casePage("RecordVisitPage") },
      { path: "meetings", lazy: casePage("MeetingsPage") },
      { path: "letters", lazy: casePage("LettersPage") },
      { path: "letters/new", lazy: casePage("NewLetterPage") },
      { path: "letters/:letterId", lazy: casePage("LetterPage") },
      { path: "actions", lazy: casePage("ActionsPage") },
      { path: "registers", lazy: casePage("RegistersPage") },
      { path: "as-at", lazy: casePage("AsAtPage") },
    ],
  },
  { path: "schools", lazy: adminPage("SchoolsPage"), menu: { label: "Schools", needs: ["read School"] } },
  { path: "schools/import", lazy: adminPage("ImportSchoolsPage") },
  { path: "data/import", lazy: adminPage("ImportDataPage") },
  { path: "schools/:urn", lazy: adminPage("SchoolPage") },
  { path: "policy", lazy: policyPage("VersionsPage"), menu: { label: "Policy", needs: ["read Policy"] } },
  { path: "policy/import", lazy: policyPage("ImportPolicyPage") },
  { path: "policy/new-year", lazy: policyPage("NewStrategyYearPage") },
  { path: "policy/:versionId", lazy: policyPage("EditorPage") },
  { path: "policy/:versionId/diff", lazy: policyPage("DiffPage") },
  { path: "policy/:versionId/preview", lazy: policyPage("PreviewPage") },
  { path: "policy/:versionId/publish", lazy: policyPage("PublishPage") },
  { path: "users", lazy: adminPage("UsersPage"), menu: { label: "Users", needs: ["read User"] } },
  { path: "users/invite", lazy: adminPage("InviteUserPage") },
  { path: "users/:userId", lazy: adminPage("UserPage") },
  {
    path: "registers",
    lazy: adminPage("RegistersListPage"),
    menu: { label: "Registers", needs: ["read RegisterEntry"] },
  },
  { path: "audit", lazy: adminPage("AuditPage"), menu: { label: "Audit log", needs: ["read AuditLog"] } },
  { path: "outbox", lazy: adminPage("OutboxPage"), menu: { label: "Outbox", needs: ["read Message"] } },
  { path: "email-settings", element: <EmailSettingsPage />, menu: { label: "Email settings", needs: [] } },
]);
