import { createTRPCRouter } from "../../trpc.ts";
import { recordMeeting } from "./record-meeting.ts";

export const meetingsRouter = createTRPCRouter({ record: recordMeeting });
