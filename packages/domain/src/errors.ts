/**
 * Every way a domain command can be refused. Each code is stable (clients and
 * the API's error map rely on it); the message is a sentence a person can act on.
 */
export type DomainErrorCode =
  /** A role in a grant is not in the policy version. */
  | "unknown-role"
  /** A role given the wrong way (a school role without a school, an LA role with one). */
  | "invalid-grant"
  /** The user's roles do not allow the command. */
  | "forbidden"
  /** The command refers to something the case or policy does not have. */
  | "not-found"
  /** The command's data is invalid (a form answer, a date, a missing rationale). */
  | "invalid"
  /** The command does not fit the case's current state (recording a cancelled visit, issuing an unapproved letter). */
  | "conflict"
  /** The policy does not allow it for this school (a letter type for maintained schools only, for an academy). */
  | "not-applicable";

/**
 * A refusal with a stable code, a sentence a person can act on and, when it is
 * one field, where: the shape every layer's errors share (the API's own codes
 * extend it too), so the one error map reads them alike.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  /** Where in the input the problem is, when it is one field: a JSON pointer. */
  readonly pointer: string | undefined;

  constructor(name: string, code: Code, message: string, pointer?: string) {
    super(message);
    this.name = name;
    this.code = code;
    this.pointer = pointer;
  }
}

export class DomainError extends CodedError<DomainErrorCode> {
  constructor(code: DomainErrorCode, message: string, pointer?: string) {
    super("DomainError", code, message, pointer);
  }
}
