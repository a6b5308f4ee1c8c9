/**
 * A school form submitted as the response a letter asks for: when the school's
 * open case has a letter in force awaiting a response on that form, the
 * submission is tied to it by the engine's `record-letter-response`, in the
 * same transaction as the submission (the request's one `withTenant`).
 */
import { findOpenCaseForSchool } from "@steward/db";
import { letterAwaitingResponse } from "@steward/domain";

import { readCaseState } from "./case-state.ts";
import { runCaseCommand, type Actor } from "./cases.ts";

/** Ties a submitted response to the letter awaiting it, if any; returns the letter's id when it did. */
export async function tieResponseToLetter(
  actor: Actor,
  response: { id: string; schoolUrn: number; formKey: string },
): Promise<string | undefined> {
  const row = await findOpenCaseForSchool(actor.trx, response.schoolUrn);
  if (!row) return undefined;
  const letter = letterAwaitingResponse(readCaseState(row.state, row.id), response.formKey);
  if (!letter) return undefined;
  await runCaseCommand(actor, row.id, {
    type: "record-letter-response",
    letterId: letter.id,
    form: response.formKey,
    responseId: response.id,
  });
  return letter.id;
}
