export { AuditPage } from "./audit/audit-page.tsx";
export { ImportDataPage } from "./data/import-data-page.tsx";
export { ImportSchoolsPage } from "./schools/import-schools-page.tsx";
export { SchoolPage } from "./schools/school-page.tsx";
export { SchoolsPage } from "./schools/schools-page.tsx";
export { InviteUserPage } from "./users/invite-user-page.tsx";
export { UserPage } from "./users/user-page.tsx";
export { UsersPage } from "./users/users-page.tsx";
