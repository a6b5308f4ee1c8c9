import { z } from "zod";

import { caseCommandProcedure, isoDate, text } from "../case-command.ts";

/** Records a meeting (LAIG, Strategy meeting, ...): attendees, minutes, the key points shared, and the progress judgement exit rules use. */
export const recordMeeting = caseCommandProcedure(
  {
    meetingType: z.string().min(1, "Choose a type of meeting").max(100),
    date: isoDate,
    attendees: z.array(text(300, "an attendee")).min(1, "List who attended").max(100),
    minutes: z.string().max(100_000, "The minutes must be 100,000 characters or fewer"),
    keyPoints: z.array(text(2000, "a key point")).max(50),
    progress: z.string().max(100).default(""),
  },
  (input) => ({
    type: "record-meeting",
    meetingType: input.meetingType,
    date: input.date,
    attendees: input.attendees,
    minutes: input.minutes,
    keyPoints: input.keyPoints,
    progress: input.progress,
  }),
);
