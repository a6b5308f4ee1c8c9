/** A letter's status as a tag, with "Past deadline" once an issued letter's deadline has gone by. */
import { formatDate, humanise, Tag, today } from "@steward/ui";

import type { CaseView } from "./case-context.tsx";

type Letter = CaseView["letters"][number];

const STATUS_COLOUR: Record<string, string> = {
  draft: "grey",
  approved: "blue",
  issued: "yellow",
  acknowledged: "green",
  withdrawn: "grey",
  removed: "grey",
};

export function LetterStatus({ letter }: { letter: Letter }) {
  const pastDeadline = letter.status === "issued" && letter.deadline !== undefined && letter.deadline < today();
  return (
    <>
      <Tag colour={STATUS_COLOUR[letter.status] ?? "grey"}>{humanise(letter.status)}</Tag>
      {pastDeadline && (
        <>
          {" "}
          <Tag colour="red">Past deadline</Tag>
        </>
      )}
    </>
  );
}

/** Whether the school's response came: "Action plan due 15 December 2026", "… received on …", "… overdue since …". */
export function responseText(letter: Letter): string | undefined {
  const response = letter.response;
  if (!response) return undefined;
  switch (response.status) {
    case "received":
      return `${response.label} received${response.receivedOn ? ` on ${formatDate(response.receivedOn)}` : ""}`;
    case "overdue":
      return `${response.label} overdue: it was due ${formatDate(response.due)}`;
    case "awaited":
      return `${response.label} due ${formatDate(response.due)}`;
  }
}
