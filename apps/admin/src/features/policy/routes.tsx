export { DiffPage } from "./diff-page.tsx";
export { EditorPage } from "./editor-page.tsx";
export { ImportPolicyPage } from "./import-page.tsx";
export { NewStrategyYearPage } from "./new-year-page.tsx";
export { PreviewPage } from "./preview-page.tsx";
export { PublishPage } from "./publish-page.tsx";
export { VersionsPage } from "./versions-page.tsx";
