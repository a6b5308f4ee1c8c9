/**
 * Registers: the policy's own logs of records about a school (a register of
 * concern, complaints, referrals). An entry is logged with the date the thing
 * happened, which may be before the day it is logged, and its fields as the
 * register's schema asks for them; an open entry is closed with a note. Who
 * may log, read and close is the register's `access`, made into rules by the
 * ability builder.
 */
import {
  checkFormSchema,
  createAjv,
  describeAjvError,
  type Ajv2020,
  type PolicyDocument,
  type RegisterDefinition,
} from "@steward/policy-config";

import { fromDayNumber, toDayNumber } from "../../calendar/dates.ts";
import { registerEntrySubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import {
  authorise,
  fail,
  onOpenCase,
  required,
  today,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

type ValidateFunction = ReturnType<Ajv2020["compile"]>;

const registerAjv = createAjv();
/** Compiled schemas by policy document (a version that has left draft never changes) and register key. */
const compiled = new WeakMap<PolicyDocument, Map<string, ValidateFunction>>();

/** The register's compiled entry schema, compiled once per policy version; a schema it cannot use refuses the command. */
function entryValidator(policy: PolicyDocument, register: RegisterDefinition): ValidateFunction {
  let registers = compiled.get(policy);
  if (!registers) compiled.set(policy, (registers = new Map<string, ValidateFunction>()));
  const cached = registers.get(register.key);
  if (cached) return cached;
  const [problem] = checkFormSchema(register.schema);
  if (problem) fail("conflict", `${register.label} cannot take entries: ${problem.message}`);
  let validate: ValidateFunction;
  try {
    validate = registerAjv.compile(register.schema);
  } catch (error) {
    fail(
      "conflict",
      `${register.label} cannot take entries: its schema does not compile (${error instanceof Error ? error.message : String(error)}).`,
    );
  } finally {
    // Ajv keeps every schema it compiles; this cache holds what is needed.
    registerAjv.removeSchema(register.schema);
  }
  registers.set(register.key, validate);
  return validate;
}

/** The entry's fields answer the register's schema: refused with the first problem, at its field under `/fields`. */
function checkFields(policy: PolicyDocument, register: RegisterDefinition, fields: Record<string, unknown>): void {
  const validate = entryValidator(policy, register);
  if (validate(fields)) return;
  const [first] = validate.errors ?? [];
  const { pointer, message } = first ? describeAjvError(first) : { pointer: "", message: "Is not valid." };
  const where = pointer ? ` (${pointer.slice(1).replaceAll("/", " › ")})` : "";
  fail("invalid", `The ${register.entryLabel} is not complete${where}: ${message}`, `/fields${pointer}`);
}

/** The date it happened: a real calendar date, not after today. */
function checkOccurredOn(occurredOn: string, todayIs: string, register: RegisterDefinition): void {
  const what = register.occurredOnLabel ?? `The date the ${register.entryLabel} happened`;
  const real = /^\d{4}-\d{2}-\d{2}$/.test(occurredOn) && fromDayNumber(toDayNumber(occurredOn)) === occurredOn;
  if (!real) fail("invalid", `${what} must be a real date, like 2027-03-14.`, "/occurredOn");
  if (occurredOn > todayIs) fail("invalid", `${what} cannot be in the future.`, "/occurredOn");
}

function findRegister(policy: PolicyDocument, key: string): RegisterDefinition {
  const register = policy.registers?.find((r) => r.key === key);
  if (!register) fail("invalid", "There is no such register in this case's policy.", "/register");
  return register;
}

function logEntry(command: CommandOf<"log-register-entry">, on: OpenCase): CaseEventData[] {
  const register = findRegister(on.policy, command.register);
  authorise(on.context, command.type, registerEntrySubject(on.facts, { register: register.key, status: "open" }));
  checkOccurredOn(command.occurredOn, today(on.context), register);
  checkFields(on.policy, register, command.fields);
  return [
    {
      type: "register-entry-logged",
      entryId: on.context.newId(),
      register: register.key,
      occurredOn: command.occurredOn,
      fields: command.fields,
    },
  ];
}

function closeEntry(command: CommandOf<"close-register-entry">, on: OpenCase): CaseEventData[] {
  const entry = on.state.registerEntries.find((e) => e.id === command.entryId);
  if (!entry) fail("not-found", "There is no such register entry on this case.", "/entryId");
  authorise(on.context, command.type, registerEntrySubject(on.facts, entry));
  if (entry.status !== "open") fail("conflict", "This entry is already closed.");
  return [{ type: "register-entry-closed", entryId: entry.id, note: required(command.note, "a note", "/note") }];
}

export const registerDeciders: Pick<Deciders, "log-register-entry" | "close-register-entry"> = {
  "log-register-entry": onOpenCase(logEntry),
  "close-register-entry": onOpenCase(closeEntry),
};
