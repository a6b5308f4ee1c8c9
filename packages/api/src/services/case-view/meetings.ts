// Meetings the user may see; minutes and key points each checked on their own subject (confidential minutes).
import { meetingSubject } from "@steward/domain";

import { label, type ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

export function presentMeetings({ state, policy, facts, canRead }: ViewContext): CaseView["meetings"] {
  return state.meetings
    .filter((m) => canRead(meetingSubject("Meeting", facts, m)))
    .map((m) => {
      const type = policy.meetingTypes.find((t) => t.key === m.meetingType);
      return {
        id: m.id,
        meetingType: label(policy.meetingTypes, m.meetingType),
        date: m.date,
        attendees: m.attendees,
        ...(canRead(meetingSubject("MeetingMinutes", facts, m)) ? { minutes: m.minutes } : {}),
        ...(canRead(meetingSubject("MeetingKeyPoints", facts, m)) ? { keyPoints: m.keyPoints } : {}),
        progress: {
          key: m.progress,
          label: type?.progressJudgements.find((p) => p.key === m.progress)?.label ?? m.progress,
        },
        strong: m.strong,
      };
    });
}
