// A real OpenID Connect provider (oidc-provider) on 127.0.0.1, for tests and the demo: a login page that takes
// any email address (no password: it stands for an authority's identity provider), a registered client per
// test, and a way to tamper with the ID token it gives (another audience), as an attacker's would.
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type ClientMetadata } from "oidc-provider";

interface TestPerson {
  name?: string;
  /** Extra claims given in the ID token, e.g. a school's URN. */
  claims?: Record<string, string | number>;
}

export interface TestOidcProvider {
  issuer: string;
  /** People with a name or claims; anyone else typing an email address signs in as that address. */
  people: Map<string, TestPerson>;
  /** "wrong-audience": the token endpoint's ID token is re-signed for another client (as if meant for another app). */
  tamper: "wrong-audience" | undefined;
  /** The subject (`sub`) the provider gives an email address. */
  subjectOf(email: string): string;
  stop(): Promise<void>;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** A JWT's parts re-signed with RS256 (what the provider signs with). */
function resign(jwt: string, change: (payload: Record<string, unknown>) => void, key: KeyObject): string {
  const [header = "", payload = ""] = jwt.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  change(claims);
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${body}.${sign("sha256", Buffer.from(body), key).toString("base64url")}`;
}

/** Rewrites the token endpoint's JSON answer before it is sent. */
function rewritingBody(res: ServerResponse, rewrite: (body: string) => string) {
  const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
  res.end = ((chunk?: unknown) => {
    if (typeof chunk !== "string" && !Buffer.isBuffer(chunk)) return end(chunk);
    const text = rewrite(Buffer.isBuffer(chunk) ? chunk.toString("utf8") : chunk);
    if (!res.headersSent) res.setHeader("content-length", Buffer.byteLength(text));
    return end(text);
  }) as ServerResponse["end"];
}

/**
 * Starts the provider on a free port of 127.0.0.1 with the clients given; the ID token lasts `idTokenTtlSeconds`
 * (default a minute).
 */
export async function startTestOidcProvider(options: {
  clients: TestClient[];
  idTokenTtlSeconds?: number;
  port?: number;
}): Promise<TestOidcProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  const subjectOf = (email: string) =>
    `subject-${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16)}`;
  const people = new Map<string, TestPerson>();
  const emailsBySubject = new Map<string, string>();

  const provider = new Provider(issuer, {
    clients: options.clients.map((c): ClientMetadata => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ["steward-test-provider"] },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "urn"],
    },
    // The claims of the scopes asked for go in the ID token (as Entra ID and DfE Sign-in give them).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const email = emailsBySubject.get(sub);
      if (!email) return undefined;
      const person = people.get(email) ?? {};
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email,
          email_verified: true,
          name: person.name ?? email.split("@")[0] ?? email,
          ...person.claims,
        }),
      };
    },
    // A first-party provider: no consent page.
    loadExistingGrant: async (ctx) => {
      const { session, client } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  const test: TestOidcProvider = {
    issuer,
    people,
    tamper: undefined,
    subjectOf,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  handle = (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const interaction = /^\/interaction\/([\w-]+)$/.exec(url.pathname);
    if (interaction) {
      void (async () => {
        try {
          const details = await provider.interactionDetails(req, res);
          if (req.method === "POST") {
            const email = (await readForm(req)).get("email")?.trim().toLowerCase() ?? "";
            if (!email.includes("@")) throw new Error("Enter an email address.");
            emailsBySubject.set(subjectOf(email), email);
            await provider.interactionFinished(
              req,
              res,
              { login: { accountId: subjectOf(email) } },
              { mergeWithLastSubmission: false },
            );
            return;
          }
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(
            page(
              "Test identity provider",
              `<p>Signing in to ${escapeHtml(String(details.params.client_id))}.</p>
<form method="post" action="/interaction/${details.uid}">
<label for="email">Email address</label>
<input id="email" name="email" type="email" autocomplete="username">
<button type="submit">Continue</button>
</form>`,
            ),
          );
        } catch (error) {
          res.statusCode = 400;
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(
            page("Sign-in problem", `<p>${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`),
          );
        }
      })();
      return;
    }
    if (url.pathname === "/token" && test.tamper === "wrong-audience")
      rewritingBody(res, (body) => {
        const tokens = JSON.parse(body) as { id_token?: string };
        if (tokens.id_token)
          tokens.id_token = resign(tokens.id_token, (claims) => (claims.aud = "another-application"), privateKey);
        return JSON.stringify(tokens);
      });
    void callback(req, res);
  };
  return test;
}
