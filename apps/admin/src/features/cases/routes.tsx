export { ActionsPage } from "./actions-page.tsx";
export { AsAtPage } from "./as-at-page.tsx";
export { AssessmentPage } from "./assessment-page.tsx";
export { CaseLayout } from "./case-layout.tsx";
export { LetterPage, LettersPage, NewLetterPage } from "./letters-page.tsx";
export { MeetingsPage } from "./meetings-page.tsx";
export { OverviewPage } from "./overview-page.tsx";
export { RecordVisitPage } from "./record-visit-page.tsx";
export { VisitsPage } from "./visits-page.tsx";
