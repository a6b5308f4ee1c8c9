// `pnpm dev-oidc [--port 3001] [--steward http://localhost:3000]`: the test identity provider
// (src/testing/oidc-provider.ts) for a local demonstration and the browser tests, with a client for each demo
// authority (`steward-<slug>`, secret "dev-oidc-secret") whose redirect URI is the Steward server's (default on
// PORT, else 3000). Prints how to configure the authorities; Ctrl-C stops it.
import { parseArgs } from "node:util";

import { demoTenantSlugs } from "@steward/api";

import { readEnv } from "./env.ts";
import { startTestOidcProvider } from "./testing/oidc-provider.ts";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: "string" }, steward: { type: "string" } },
});
const steward = values.steward ?? `http://localhost:${readEnv().port}`;
// A client for each demo authority, by the demo manifest (packages/api/demo/demo.json): no authority named here.
const tenants = demoTenantSlugs();
const example = tenants[0] ?? "SLUG";
const provider = await startTestOidcProvider({
  port: Number(values.port ?? 3001),
  clients: tenants.map((tenant) => ({
    clientId: `steward-${tenant}`,
    clientSecret: "dev-oidc-secret",
    redirectUris: [`${steward}/auth/oidc/callback`],
  })),
});
console.log(`Test identity provider at ${provider.issuer} (any email address signs in; no password).
Stop Steward, then configure an authority and start Steward with the secret in its environment:

  pnpm steward tenant:sign-in --tenant ${example} --provider test --label "Sign in with the test provider" \\
    --app admin --issuer ${provider.issuer} --client-id steward-${example} \\
    --client-secret-env STEWARD_DEV_OIDC_SECRET --match email
  STEWARD_DEV_OIDC_SECRET=dev-oidc-secret pnpm start

Press Ctrl-C to stop.`);
const stop = () => void provider.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
