import { createTRPCRouter } from "../../trpc.ts";
import { acknowledgeLetter } from "./acknowledge-letter.ts";
import { approveLetter } from "./approve-letter.ts";
import { closeLetter } from "./close-letter.ts";
import { completeLetterActions } from "./complete-letter-actions.ts";
import { draftLetter } from "./draft-letter.ts";
import { getLetterPdf } from "./get-letter-pdf.ts";
import { issueLetter } from "./issue-letter.ts";
import { listEligibleLetters } from "./list-eligible-letters.ts";
import { listSchoolLetters } from "./list-school-letters.ts";

export const lettersRouter = createTRPCRouter({
  eligible: listEligibleLetters,
  draft: draftLetter,
  approve: approveLetter,
  issue: issueLetter,
  acknowledge: acknowledgeLetter,
  completeActions: completeLetterActions,
  close: closeLetter,
  pdf: getLetterPdf,
  /** The letters of a school the user may read, without its case (the school portal). */
  listForSchool: listSchoolLetters,
});
