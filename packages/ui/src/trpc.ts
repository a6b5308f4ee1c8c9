import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

import type { AppRouter } from "@steward/api";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

/** The session's CSRF token, from the latest `auth.me` or `auth.signIn`; every mutation sends it. */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** The server also leaves the token in a readable cookie: a reload finds it there before `auth.me` answers. */
function readCsrfCookie(): string | undefined {
  const match = /(?:^|;\s*)steward_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal (not found, forbidden, signed out) does not get better by asking again.
        retry: (count, error) =>
          count < 1 && !(error as { data?: { httpStatus?: number } }).data?.httpStatus?.toString().startsWith("4"),
      },
    },
  });
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "/api/trpc",
        maxURLLength: 4000,
        headers() {
          const token = csrfToken ?? readCsrfCookie();
          return token ? { "x-csrf-token": token } : {};
        },
      }),
    ],
  });
}
