// Commands that set up an authority: list, create, publish its policy file, add a user, load the demo.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

import { DEMO_PASSWORD, provisionTenant, provisionUser, publishPolicyFile, seedDemo } from "@steward/api";
import { listTenants } from "@steward/db";

import { tenantOf, withDatabase } from "./database.ts";
import { readJsonFile, UsageError, type Command } from "./usage.ts";

export const tenantsCommand: Command = () =>
  withDatabase(async (database) => {
    for (const tenant of await listTenants(database.db))
      console.log(`${tenant.slug}\t${tenant.la_code ?? ""}\t${tenant.name}`);
    return 0;
  });

export const tenantCreateCommand: Command = (args) => {
  const { values } = parseArgs({
    args,
    options: { slug: { type: "string" }, name: { type: "string" }, policy: { type: "string" } },
  });
  const { slug, name } = values;
  if (!slug || !values.policy)
    throw new UsageError("tenant:create needs --slug and --policy, e.g. --slug north-shire --policy north-shire.json.");
  const policy = readJsonFile(values.policy, "policy");
  return withDatabase(async (database) => {
    const { tenant } = await provisionTenant(database.db, { slug, ...(name ? { name } : {}), policy });
    console.log(`Created ${tenant.name} (${tenant.slug}) with its policy published as version 1.`);
    return 0;
  });
};

export const policyPublishCommand: Command = (args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { tenant: { type: "string" } } });
  const policy = readJsonFile(positionals[0], "policy");
  return withDatabase(async (database) => {
    const row = await publishPolicyFile(database.db, (await tenantOf(database, values.tenant)).id, policy);
    console.log(`Published version ${row.version}.`);
    return 0;
  });
};

const userOptions = {
  tenant: { type: "string" },
  email: { type: "string" },
  name: { type: "string" },
  role: { type: "string", multiple: true },
  school: { type: "string" },
  password: { type: "string" },
} as const;

/** The school's URN from --school, if given; a usage error unless it is a whole number. */
function readSchoolUrn(school: string | undefined): number | undefined {
  if (!school) return undefined;
  const urn = Number(school);
  if (!Number.isInteger(urn)) throw new UsageError("--school is the school's URN, a whole number.");
  return urn;
}

export const userCreateCommand: Command = (args) => {
  const { values } = parseArgs({ args, options: userOptions });
  const { email, name, role: roles } = values;
  if (!email || !name || !roles?.length)
    throw new UsageError(
      'user:create needs --email, --name and --role, e.g. --email a@la.gov.uk --name "A Adviser" --role school-improvement-adviser.',
    );
  const schoolUrn = readSchoolUrn(values.school);
  const password = values.password ?? randomBytes(12).toString("base64url");
  if (password.length < 12) throw new UsageError("A password has at least 12 characters.");
  return withDatabase(async (database) => {
    const tenant = await tenantOf(database, values.tenant);
    const user = await provisionUser(database.db, tenant.id, {
      email,
      displayName: name,
      password,
      grants: roles.map((role) => (schoolUrn ? { role, schoolUrn } : { role })),
    });
    console.log(`Created ${user.display_name} <${user.email}>.${values.password ? "" : ` Password: ${password}`}`);
    return 0;
  });
};

export const demoCommand: Command = () =>
  withDatabase(async (database) => {
    if ((await listTenants(database.db)).length > 0)
      throw new UsageError("The database already has authorities: the demo loads only into an empty one.");
    const report = await seedDemo(database, { log: console.log });
    console.log(`Demo loaded. Every demo user's password is "${DEMO_PASSWORD}".`);
    for (const t of report.tenants) for (const u of t.users) console.log(`  ${t.slug}\t${u.email}\t${u.roles}`);
    return 0;
  });
