/**
 * The policy's registers: an entry's schema is a JSON Schema object Steward
 * compiles like a form's (its uiSchema naming only its fields), the roles named
 * exist, only LA roles log and close entries, and a school role reads entries
 * only of a register schools see.
 */
import { SIZE_LIMITS } from "../../schema/common.ts";
import type { RegisterDefinition } from "../../schema/data.ts";
import type { PolicyDocument } from "../../schema/policy.ts";
import { mustBeLaRole, mustExist, type Path, type SemanticsContext } from "./context.ts";
import { checkPolicySchema, checkUiSchema } from "./forms.ts";

function checkSchema(register: RegisterDefinition, path: Path, ctx: SemanticsContext): void {
  const size = JSON.stringify(register.schema).length + JSON.stringify(register.uiSchema ?? {}).length;
  if (size > SIZE_LIMITS.jsonCharacters) {
    ctx.report(
      [...path, "schema"],
      `The register's schema is ${size.toLocaleString("en-GB")} characters long: it may be at most ${SIZE_LIMITS.jsonCharacters.toLocaleString("en-GB")}.`,
      "register.size",
    );
    return;
  }
  const schema: Record<string, unknown> = register.schema;
  checkPolicySchema(schema, [...path, "schema"], ctx, { code: "register.schema", owner: "register's" });
  if (schema.type !== "object")
    ctx.report(
      [...path, "schema", "type"],
      'The fields of an entry are an object schema ("type": "object").',
      "register.schema",
    );
  if (register.uiSchema) checkUiSchema(register.uiSchema, schema, [...path, "uiSchema"], ctx, "register.uiSchema");
}

function checkAccess(register: RegisterDefinition, path: Path, ctx: SemanticsContext): void {
  const { access } = register;
  access.log.forEach((role, r) => mustBeLaRole(ctx, role, [...path, "access", "log", r]));
  access.close.forEach((role, r) => mustBeLaRole(ctx, role, [...path, "access", "close", r]));
  access.read.forEach((role, r) => {
    const at: Path = [...path, "access", "read", r];
    mustExist(ctx, ctx.keys.roles, role, at, "role", "Roles");
    if (ctx.keys.roles.has(role) && !ctx.keys.laRoles.has(role) && !register.visibleToSchools)
      ctx.report(
        at,
        `"${role}" is a school role, but schools do not see this register: read it with LA roles only, or let schools see it.`,
        "register.audience",
      );
  });
}

export function checkRegisters(policy: PolicyDocument, ctx: SemanticsContext): void {
  (policy.registers ?? []).forEach((register, r) => {
    const path: Path = ["registers", r];
    checkSchema(register, path, ctx);
    checkAccess(register, path, ctx);
  });
}
