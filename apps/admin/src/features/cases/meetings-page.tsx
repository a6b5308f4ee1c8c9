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
  SubmitButton,
  SuccessBanner,
  SummaryList,
  Tag,
  Textarea,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { offered, useCase } from "./case-context.tsx";

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export function MeetingsPage() {
  const { view, options } = useCase();
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
      {view.can.recordMeeting && view.status === "open" && options.meetingTypes.length > 0 && (
        <RecordMeeting onDone={setDone} />
      )}
    </>
  );
}

interface MeetingForm {
  meetingType: string;
  date: string;
  attendees: string;
  minutes: string;
  keyPoints: string;
  progress: string;
}
const EMPTY_MEETING: MeetingForm = {
  meetingType: "",
  date: "",
  attendees: "",
  minutes: "",
  keyPoints: "",
  progress: "",
};

/** A field's own problem, or the first problem with one of its items (`/attendees/2`). */
const listError = (problems: Problem[], field: string) =>
  fieldError(problems, field) ?? problems.find((p) => p.pointer?.startsWith(`/${field}/`))?.message;

function RecordMeeting({ onDone }: { onDone: (message: string) => void }) {
  const { view, policy, options, refresh } = useCase();
  const trpc = useTRPC();
  const [form, setForm] = useState<MeetingForm>(EMPTY_MEETING);
  const set = (key: keyof MeetingForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const [problems, setProblems] = useState<Problem[]>([]);
  const record = useMutation(
    trpc.meetings.record.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        setForm((f) => ({ ...f, meetingType: "", minutes: "", keyPoints: "" }));
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
      ...form,
      attendees: lines(form.attendees),
      keyPoints: lines(form.keyPoints),
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
        value={form.meetingType}
        onChange={set("meetingType")}
        placeholder="Choose a type of meeting"
        options={offered(policy.meetingTypes, options.meetingTypes).map((t) => ({ value: t.key, label: t.label }))}
        error={fieldError(problems, "meetingType")}
      />
      <MeetingFields form={form} set={set} problems={problems} />
      <SubmitButton pending={record.isPending}>Record the meeting</SubmitButton>
    </form>
  );
}

/** The meeting's date, attendees and minutes, and what its type shares and judges. */
function MeetingFields({
  form,
  set,
  problems,
}: {
  form: MeetingForm;
  set: (key: keyof MeetingForm) => (value: string) => void;
  problems: Problem[];
}) {
  const { policy } = useCase();
  const type = policy.meetingTypes.find((t) => t.key === form.meetingType);
  const maxPoints = type?.sharing.find((s) => s.content === "key-points")?.maxItems;
  return (
    <>
      <DateInput
        id="date"
        label="Date of the meeting"
        value={form.date}
        onChange={set("date")}
        error={fieldError(problems, "date")}
      />
      <Textarea
        id="attendees"
        label="Who attended"
        hint="One person per line."
        value={form.attendees}
        onChange={set("attendees")}
        rows={4}
        error={listError(problems, "attendees")}
      />
      <Textarea
        id="minutes"
        label="Minutes"
        hint={type?.confidential ? "Confidential: only LA attendees see the minutes." : undefined}
        value={form.minutes}
        onChange={set("minutes")}
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
        value={form.keyPoints}
        onChange={set("keyPoints")}
        rows={5}
        error={listError(problems, "keyPoints")}
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
          value={form.progress}
          onChange={set("progress")}
          error={fieldError(problems, "progress")}
        />
      )}
    </>
  );
}
