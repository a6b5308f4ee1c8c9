/**
 * What both Steward apps share: the tRPC client and session, the GOV.UK page
 * shell (header, navigation from the user's permissions, footer), sign-in and
 * invitation pages, GOV.UK components (fields, error summary, tables, tags,
 * banners) and small helpers (dates, CSV, API errors, letter HTML).
 */
export * from "./app/layout.tsx";
export * from "./app/router.tsx";
export * from "./app/session.tsx";
export * from "./app/start-app.tsx";
export * from "./components/error-summary.tsx";
export * from "./components/fields.tsx";
export * from "./components/filter-form.tsx";
export * from "./components/page-title.tsx";
export * from "./components/submit-button.tsx";
export * from "./components/table.tsx";
export * from "./components/work-list.tsx";
export * from "./components/ui.tsx";
export * from "./features/auth/sign-in-page.tsx";
export * from "./features/notifications/email-settings-page.tsx";
export * from "./lib/all-pages.ts";
export * from "./lib/api-error.ts";
export * from "./lib/audience.ts";
export * from "./lib/csv.ts";
export * from "./lib/format.ts";
export * from "./lib/sanitise-html.ts";
export * from "./lib/tag-colour.ts";
export * from "./trpc.ts";
