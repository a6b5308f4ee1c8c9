import { createTRPCRouter } from "../../trpc.ts";
import { cancelVisit } from "./cancel-visit.ts";
import { listSchoolVisits } from "./list-school-visits.ts";
import { publishReport } from "./publish-report.ts";
import { recordVisit } from "./record-visit.ts";
import { rescheduleVisit } from "./reschedule-visit.ts";
import { scheduleVisit } from "./schedule-visit.ts";

export const visitsRouter = createTRPCRouter({
  schedule: scheduleVisit,
  reschedule: rescheduleVisit,
  cancel: cancelVisit,
  record: recordVisit,
  publish: publishReport,
  /** The visits and reports of a school the user may read, without its case (the school portal). */
  listForSchool: listSchoolVisits,
});
