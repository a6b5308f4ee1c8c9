import { createTRPCRouter } from "../../trpc.ts";
import { cancelVisit } from "./cancel-visit.ts";
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
});
