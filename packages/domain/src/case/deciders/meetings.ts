/**
 * Meetings: recording one with its attendees, minutes, shared key points and
 * the progress judgement the rules count.
 */
import type { MeetingType } from "@steward/policy-config";

import { meetingSubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import {
  authorise,
  fail,
  onOpenCase,
  requireApplicable,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

/** The judgement named, one of the type's; a type with no judgements (a liaison meeting, say) records none. */
function judgementOf(meetingType: MeetingType, progress: string): { key: string; isStrong: boolean } {
  if (meetingType.progressJudgements.length === 0) return { key: "", isStrong: false };
  const judgement = meetingType.progressJudgements.find((p) => p.key === progress);
  if (!judgement)
    fail(
      "invalid",
      `Choose a progress judgement: ${meetingType.progressJudgements.map((p) => p.label).join(", ")}.`,
      "/progress",
    );
  return judgement;
}

function recordMeeting(
  command: CommandOf<"record-meeting">,
  { state, context, policy, facts }: OpenCase,
): CaseEventData[] {
  const meetingType = policy.meetingTypes.find((m) => m.key === command.meetingType);
  if (!meetingType)
    fail("invalid", `There is no meeting type "${command.meetingType}" in this policy.`, "/meetingType");
  authorise(context, command.type, meetingSubject("Meeting", facts, { meetingType: meetingType.key }));
  requireApplicable(meetingType, meetingType.label, state.school, "/meetingType");
  const judgement = judgementOf(meetingType, command.progress);
  const limit = meetingType.sharing.find((s) => s.content === "key-points")?.maxItems;
  if (limit !== undefined && command.keyPoints.length > limit)
    fail("invalid", `Share at most ${limit} key points after a ${meetingType.label}.`, "/keyPoints");
  if (command.attendees.length === 0) fail("invalid", "List who attended.", "/attendees");
  return [
    {
      type: "meeting-recorded",
      meeting: {
        id: context.newId(),
        meetingType: meetingType.key,
        date: command.date,
        attendees: command.attendees,
        minutes: command.minutes,
        keyPoints: command.keyPoints,
        progress: judgement.key,
        strong: judgement.isStrong,
        stage: state.stage,
      },
    },
  ];
}

export const meetingDeciders: Pick<Deciders, "record-meeting"> = {
  "record-meeting": onOpenCase(recordMeeting),
};
