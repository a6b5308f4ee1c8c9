import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  DateInput,
  ErrorSummary,
  fieldError,
  formatDate,
  Radios,
  readProblems,
  Select,
  SuccessBanner,
  SummaryList,
  Tag,
  Textarea,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { useCase } from "./case-context.tsx";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function MeetingsPage() {
  const { view, policy } = useCase();
  usePageTitle(`${view.school.name}: meetings`);
  const [done, setDone] = useState<string>();
  return (
    <>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-l">Meetings</h2>
      {view.meetings.length === 0 && <p className="govuk-body">No meetings recorded.</p>}
      {[...view.meetings]
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((m) => (
          <section className="govuk-summary-card" key={m.id} aria-labelledby={`meeting-${m.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title" id={`meeting-${m.id}`}>
                {m.meetingType.label}, {formatDate(m.date)}
              </h3>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: "Attendees", value: m.attendees.join(", ") },
                  {
                    key: "Progress",
                    value: m.progress.label ? (
                      <>
                        {m.progress.label}
                        {m.strong && (
                          <>
                            {" "}
                            <Tag colour="green">Strong progress</Tag>
                          </>
                        )}
                      </>
                    ) : (
                      "Not judged"
                    ),
                  },
                  m.keyPoints &&
                    m.keyPoints.length > 0 && {
                      key: "Key points shared",
                      value: (
                        <ul className="govuk-list govuk-list--bullet">
                          {m.keyPoints.map((k, i) => (
                            <li key={i}>{k}</li>
                          ))}
                        </ul>
                      ),
                    },
                  m.minutes !== undefined && {
                    key: "Minutes",
                    value: <p className="govuk-body steward-pre-wrap">{m.minutes}</p>,
                  },
                ]}
              />
            </div>
          </section>
        ))}
      {view.can.recordMeeting && view.status === "open" && policy.meetingTypes.length > 0 && (
        <RecordMeeting onDone={setDone} />
      )}
    </>
  );
}

function RecordMeeting({ onDone }: { onDone: (message: string) => void }) {
  const { view, policy, refresh } = useCase();
  const trpc = useTRPC();
  const [meetingType, setMeetingType] = useState("");
  const [date, setDate] = useState("");
  const [attendees, setAttendees] = useState("");
  const [minutes, setMinutes] = useState("");
  const [keyPoints, setKeyPoints] = useState("");
  const [progress, setProgress] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const type = policy.meetingTypes.find((t) => t.key === meetingType);
  const maxPoints = type?.sharing.find((s) => s.content === "key-points")?.maxItems;
  const record = useMutation(
    trpc.meetings.record.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        setMeetingType("");
        setMinutes("");
        setKeyPoints("");
        await refresh();
        onDone("Meeting recorded");
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({
      caseId: view.id,
      expectedVersion: view.version,
      meetingType,
      date,
      attendees: lines(attendees),
      minutes,
      keyPoints: lines(keyPoints),
      progress,
    });
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="record-meeting-heading">
      <h3 className="govuk-heading-m" id="record-meeting-heading">
        Record a meeting
      </h3>
      <ErrorSummary problems={problems} />
      <Select
        id="meetingType"
        label="Type of meeting"
        value={meetingType}
        onChange={setMeetingType}
        placeholder="Choose a type of meeting"
        options={policy.meetingTypes.map((t) => ({ value: t.key, label: t.label }))}
        error={fieldError(problems, "meetingType")}
      />
      <DateInput
        id="date"
        label="Date of the meeting"
        value={date}
        onChange={setDate}
        error={fieldError(problems, "date")}
      />
      <Textarea
        id="attendees"
        label="Who attended"
        hint="One person per line."
        value={attendees}
        onChange={setAttendees}
        rows={4}
        error={fieldError(problems, "attendees") ?? problems.find((p) => p.pointer?.startsWith("/attendees/"))?.message}
      />
      <Textarea
        id="minutes"
        label="Minutes"
        hint={type?.confidential ? "Confidential: only LA attendees see the minutes." : undefined}
        value={minutes}
        onChange={setMinutes}
        rows={8}
        error={fieldError(problems, "minutes")}
      />
      {type?.sharing.map((s) => (
        <p key={s.content} className="govuk-inset-text">
          Shared after the meeting: {s.description}
        </p>
      ))}
      <Textarea
        id="keyPoints"
        label="Key points to share"
        hint={`One per line${maxPoints ? `, at most ${maxPoints}` : ""}.`}
        value={keyPoints}
        onChange={setKeyPoints}
        rows={5}
        error={fieldError(problems, "keyPoints") ?? problems.find((p) => p.pointer?.startsWith("/keyPoints/"))?.message}
      />
      {type && type.progressJudgements.length > 0 && (
        <Radios
          id="progress"
          label="Progress since the last meeting"
          options={type.progressJudgements.map((p) => ({
            value: p.key,
            label: p.label,
            hint: p.isStrong ? "Counts as strong progress" : undefined,
          }))}
          value={progress}
          onChange={setProgress}
          error={fieldError(problems, "progress")}
        />
      )}
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={record.isPending}>
        Record the meeting
      </button>
    </form>
  );
}
