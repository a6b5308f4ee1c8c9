import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };
import type { RoleGrantRow, SchoolValues, StewardDatabase, Tenant } from "@steward/db";
import type { PolicyDocument } from "@steward/policy-config";
import { RateLimiter } from "../auth/rate-limiter.ts";
import { CSRF_HEADER } from "../auth/session-policy.ts";
import { createCaller } from "../root.ts";
import { provisionSchools, provisionTenant, provisionUser } from "../services/provision.ts";
import { createContextInner, type RequestInfo } from "../trpc.ts";

export const TEST_PASSWORD = "correct horse battery staple";

/** A browser, as far as the API can tell: a cookie jar, an address, and the CSRF header it sends. */
export class TestClient {
  readonly cookies: Record<string, string | undefined> = {};
  csrf: string | undefined;
  sendCsrf = true;

  constructor(
    readonly world: TestWorld,
    readonly ip = "203.0.113.7",
  ) {}

  get api() {
    const request: RequestInfo = {
      ip: this.ip,
      userAgent: "vitest",
      cookies: this.cookies,
      headers: { [CSRF_HEADER]: this.sendCsrf ? this.csrf : undefined },
      setCookie: (name, value) => {
        this.cookies[name] = value;
      },
      clearCookie: (name) => {
        delete this.cookies[name];
      },
    };
    return createCaller(createContextInner({ database: this.world.database, appVersion: "test", request, now: () => this.world.now, signInLimiter: this.world.limiter, logger: { error: () => {} } }));
  }

  #credentials: [string, string, string] | undefined;

  /** Signs in again (after the test moved the clock past the session's life). */
  async refresh() {
    if (this.#credentials) await this.signIn(...this.#credentials);
    return this;
  }

  async signIn(tenant: string, email: string, password = TEST_PASSWORD) {
    this.#credentials = [tenant, email, password];
    const result = await this.api.auth.signIn({ tenant, email, password });
    this.csrf = result.csrfToken;
    return this;
  }
}

export interface WorldTenant {
  tenant: Tenant;
  policy: PolicyDocument;
  policyVersionId: string;
  /** An email per role key (school roles at `schools[0]`). */
  users: Record<string, string>;
  /** Two maintained schools and one academy. */
  schools: SchoolValues[];
}

const school = (urn: number, name: string, governance: SchoolValues["governance"], laCode: string): SchoolValues => ({
  urn,
  name,
  laCode,
  laestab: null,
  phase: "primary",
  typeOfEstablishment: governance === "academy" ? "Academy converter" : "Community school",
  governance,
  trust: governance === "academy" ? "Fen Learning Trust" : null,
  status: "open",
  openedOn: null,
  closedOn: null,
  postcode: null,
  district: null,
  data: { facts: { ofsted: { overallEffectiveness: "requires-improvement" } } },
});

/**
 * Both authorities from their real policies, each with three schools and a
 * user for every role of its policy (school roles bound to its first school,
 * plus a headteacher of its second school).
 */
export class TestWorld {
  now = new Date("2021-10-04T09:00:00Z");
  limiter = new RateLimiter(1000, 60_000);
  readonly tenants: Record<"cambridgeshire" | "lincolnshire", WorldTenant> = {} as never;

  constructor(readonly database: StewardDatabase) {}

  static async create(database: StewardDatabase, prefix: string): Promise<TestWorld> {
    const world = new TestWorld(database);
    const sources = { cambridgeshire, lincolnshire } as const;
    let urn = 900_000 + Math.floor(Math.random() * 50_000) * 10;
    for (const [key, policyJson] of Object.entries(sources) as [keyof typeof sources, unknown][]) {
      const slug = `${prefix}-${key}`;
      const { tenant, policyVersionId } = await provisionTenant(database.db, { slug, policy: policyJson });
      const policy = policyJson as PolicyDocument;
      const schools = [school(urn++, `${key} Primary School`, "maintained", policy.authority.laCode), school(urn++, `${key} Junior School`, "maintained", policy.authority.laCode), school(urn++, `${key} Academy`, "academy", policy.authority.laCode)];
      await provisionSchools(database.db, tenant.id, schools);
      const users: Record<string, string> = {};
      for (const role of policy.roles) {
        const email = `${role.key}@${slug}.test`;
        const grants: RoleGrantRow[] = [role.audience === "school" ? { role: role.key, schoolUrn: schools[0]!.urn } : { role: role.key }];
        await provisionUser(database.db, tenant.id, { email, displayName: role.label, password: TEST_PASSWORD, grants });
        users[role.key] = email;
      }
      const head = policy.roles.find((r) => r.key === "headteacher")!;
      const otherHead = `other-head@${slug}.test`;
      await provisionUser(database.db, tenant.id, { email: otherHead, displayName: "Other headteacher", password: TEST_PASSWORD, grants: [{ role: head.key, schoolUrn: schools[1]!.urn }] });
      users["other-headteacher"] = otherHead;
      world.tenants[key] = { tenant, policy, policyVersionId, users, schools };
    }
    return world;
  }

  /** Moves the clock on, and signs the clients in again (sessions idle out after 30 minutes). */
  async at(instant: string, ...clients: TestClient[]) {
    this.now = new Date(instant);
    for (const client of clients) await client.refresh();
  }

  client() {
    return new TestClient(this);
  }

  /** A signed-in client for a role of a tenant. */
  async as(tenant: keyof TestWorld["tenants"], role: string) {
    const t = this.tenants[tenant];
    const email = t.users[role];
    if (!email) throw new Error(`No ${role} in ${tenant}: ${Object.keys(t.users).join(", ")}`);
    return new TestClient(this).signIn(t.tenant.slug, email);
  }
}
