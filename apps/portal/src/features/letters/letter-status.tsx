/** A letter's status in the school's words: whether it still needs acknowledging. */
import { humanise, Tag } from "@steward/ui";

import type { SchoolLetter } from "../school-case.ts";

export function LetterStatus({ letter }: { letter: SchoolLetter }) {
  if (letter.status === "issued") return <Tag colour="yellow">Needs acknowledging</Tag>;
  if (letter.status === "acknowledged") return <Tag colour="green">Acknowledged</Tag>;
  return <Tag colour="grey">{humanise(letter.status)}</Tag>;
}
