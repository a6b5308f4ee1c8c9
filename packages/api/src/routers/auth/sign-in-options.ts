import { z } from "zod";

import { findTenantBySlug, withTenant } from "@steward/db";

import { readSignInSettings, SIGN_IN_APPS } from "../../services/sign-in-settings.ts";
import { publicProcedure } from "../../trpc.ts";

const signInOptionsInput = z.strictObject({
  tenant: z.string().min(1).max(100),
  app: z.enum(SIGN_IN_APPS),
});

const signInOptionsOutput = z.object({
  passwords: z.boolean(),
  /** The authority's identity providers for this app: the button's words and where it starts. */
  providers: z.array(z.object({ label: z.string(), startUrl: z.string() })),
});

/**
 * How the people of an authority sign in to an app (public: the sign-in page asks once the authority is
 * chosen): whether passwords are accepted, and a button per identity provider. Nothing secret: no issuer,
 * client or claim.
 */
export const signInOptions = publicProcedure
  .input(signInOptionsInput)
  .output(signInOptionsOutput)
  .query(async ({ ctx, input }) => {
    const tenant = await findTenantBySlug(ctx.database.db, input.tenant);
    if (!tenant) return { passwords: true, providers: [] };
    const settings = await withTenant(ctx.database.db, tenant.id, readSignInSettings);
    return {
      passwords: settings.passwordsEnabled,
      providers: settings.providers
        .filter((p) => p.app === input.app)
        .map((p) => ({
          label: p.label,
          startUrl: `/auth/oidc/${encodeURIComponent(tenant.slug)}/${encodeURIComponent(p.key)}/start`,
        })),
    };
  });
