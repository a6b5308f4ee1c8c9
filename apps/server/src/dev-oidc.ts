// `pnpm dev-oidc`: the test identity provider (src/testing/oidc-provider.ts) on http://127.0.0.1:3001 for a
// local demonstration, with a client for each demo authority (secret "dev-oidc-secret") whose redirect
// URI is the local server's (on PORT, default 3000). Prints how to configure the authorities; Ctrl-C stops it.
import { readEnv } from "./env.ts";
import { startTestOidcProvider } from "./testing/oidc-provider.ts";

const steward = `http://localhost:${readEnv().port}`;
const tenants = ["cambridgeshire", "lincolnshire", "westmarch"];
const provider = await startTestOidcProvider({
  port: 3001,
  clients: tenants.map((tenant) => ({
    clientId: `steward-${tenant}`,
    clientSecret: "dev-oidc-secret",
    redirectUris: [`${steward}/auth/oidc/callback`],
  })),
});
console.log(`Test identity provider at ${provider.issuer} (any email address signs in; no password).
Stop Steward, then configure an authority and start Steward with the secret in its environment:

  pnpm steward tenant:sign-in --tenant cambridgeshire --provider test --label "Sign in with the test provider" \\
    --app admin --issuer ${provider.issuer} --client-id steward-cambridgeshire \\
    --client-secret-env STEWARD_DEV_OIDC_SECRET --match email
  STEWARD_DEV_OIDC_SECRET=dev-oidc-secret pnpm start

Press Ctrl-C to stop.`);
const stop = () => void provider.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
