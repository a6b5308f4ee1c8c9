import { TRPCClientError } from "@trpc/client";

/** One problem to show: its sentence, and the field (JSON pointer) it belongs to, if any. */
export interface Problem {
  message: string;
  pointer?: string | undefined;
}

interface StewardErrorData {
  stewardCode?: string;
  pointer?: string;
  issues?: { pointer: string; message: string }[];
  httpStatus?: number;
}

/** The API's stable code for an error (`forbidden`, `stale`, `invalid`...), if it has one. */
export function getErrorCode(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) return (error.data as StewardErrorData | undefined)?.stewardCode;
  return undefined;
}

/** Every problem an API error carries: each input issue at its field, or the one message at its pointer. */
export function readProblems(error: unknown): Problem[] {
  if (error instanceof TRPCClientError) {
    const data = error.data as StewardErrorData | undefined;
    if (data?.issues && data.issues.length > 0)
      return data.issues.map((issue) => ({ message: issue.message, pointer: issue.pointer }));
    return [{ message: error.message, pointer: data?.pointer }];
  }
  if (error instanceof Error) return [{ message: error.message }];
  return [{ message: "Something went wrong. Try again." }];
}

/** The id of the form control for a JSON pointer: `/indicators/0/evidence` is `indicators-0-evidence`. */
export function toFieldId(pointer: string | undefined): string | undefined {
  if (!pointer || pointer === "/") return undefined;
  return pointer.slice(1).replaceAll("/", "-");
}
