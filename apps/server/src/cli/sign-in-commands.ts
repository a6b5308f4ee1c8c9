// Commands that set how an authority's people sign in: passwords on or off, and its OpenID Connect providers.
import { parseArgs } from "node:util";

import { changeSignInSettings, linkOidcSubject, readSignInSettings, type SignInSettings } from "@steward/api";
import { withTenant } from "@steward/db";

import { readEnv } from "../env.ts";
import { tenantOf, withDatabase } from "./database.ts";
import { UsageError, type Command } from "./usage.ts";

const signInOptions = {
  tenant: { type: "string" },
  passwords: { type: "string" },
  provider: { type: "string" },
  label: { type: "string" },
  app: { type: "string" },
  issuer: { type: "string" },
  "client-id": { type: "string" },
  "client-secret-env": { type: "string" },
  match: { type: "string" },
  "jit-role": { type: "string" },
  "school-claim": { type: "string" },
  "remove-provider": { type: "string" },
} as const;

function printSettings(settings: SignInSettings) {
  console.log(`Passwords: ${settings.passwordsEnabled ? "on" : "off"}`);
  if (settings.providers.length === 0) console.log("Identity providers: none");
  for (const p of settings.providers) {
    const secret = readEnv().readSecret(p.clientSecretEnv) ? "set" : "NOT SET on this machine";
    const jit = p.jit
      ? `creates unknown people as ${p.jit.role}${p.jit.schoolClaim ? ` (school from claim ${p.jit.schoolClaim})` : ""}`
      : "no just-in-time creation";
    console.log(
      `  ${p.key}\t"${p.label}"\t${p.app}\t${p.issuer}\tclient ${p.clientId}\tsecret in ${p.clientSecretEnv} (${secret})\tmatches by ${p.matchClaim}\t${jit}`,
    );
  }
}

/** The one change the call asks for, from its options; a usage error when it asks for none or several. */
function readChange(values: Partial<Record<keyof typeof signInOptions, string | undefined>>) {
  const asked = [values.passwords, values.provider, values["remove-provider"]].filter((v) => v !== undefined);
  if (asked.length > 1) throw new UsageError("Give one of --passwords, --provider or --remove-provider at a time.");
  if (values.passwords !== undefined) {
    if (values.passwords !== "on" && values.passwords !== "off")
      throw new UsageError(`--passwords is on or off, not "${values.passwords}".`);
    return { kind: "passwords" as const, enabled: values.passwords === "on" };
  }
  if (values["remove-provider"] !== undefined)
    return { kind: "remove-provider" as const, key: values["remove-provider"] };
  if (values.provider === undefined) return undefined;
  const missing = (["label", "app", "issuer", "client-id", "client-secret-env", "match"] as const).filter(
    (name) => values[name] === undefined,
  );
  if (missing.length > 0)
    throw new UsageError(`--provider also needs ${missing.map((name) => `--${name}`).join(", ")}.`);
  if (values["school-claim"] !== undefined && values["jit-role"] === undefined)
    throw new UsageError("--school-claim is for just-in-time creation: give --jit-role too.");
  return {
    kind: "provider" as const,
    provider: {
      key: values.provider,
      label: values.label,
      app: values.app,
      issuer: values.issuer,
      clientId: values["client-id"],
      clientSecretEnv: values["client-secret-env"],
      matchClaim: values.match,
      jit: values["jit-role"]
        ? { role: values["jit-role"], ...(values["school-claim"] ? { schoolClaim: values["school-claim"] } : {}) }
        : null,
    },
  };
}

export const signInCommand: Command = (args) => {
  const { values } = parseArgs({ args, options: signInOptions });
  if (!values.tenant)
    throw new UsageError(
      "tenant:sign-in needs --tenant SLUG (the slug the authority was created with, as in tenant:create).",
    );
  const change = readChange(values);
  return withDatabase(async (database) => {
    const tenant = await tenantOf(database, values.tenant);
    if (!change) {
      printSettings(await withTenant(database.db, tenant.id, readSignInSettings));
      return 0;
    }
    const settings = await changeSignInSettings(database, tenant.id, change);
    console.log(`Sign-in settings of ${tenant.name} changed.`);
    printSettings(settings);
    return 0;
  });
};

export const linkOidcCommand: Command = (args) => {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: "string" },
      provider: { type: "string" },
      email: { type: "string" },
      subject: { type: "string" },
    },
  });
  const { provider, email, subject } = values;
  if (!provider || !email || !subject)
    throw new UsageError(
      "user:link-oidc needs --tenant, --provider, --email and --subject (the user's sub at the provider).",
    );
  return withDatabase(async (database) => {
    const tenant = await tenantOf(database, values.tenant);
    await linkOidcSubject(database, tenant.id, { providerKey: provider, email, subject });
    console.log(`Linked ${email} to subject ${subject} at ${provider}.`);
    return 0;
  });
};
