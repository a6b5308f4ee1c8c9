import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";

import { setCsrfToken, useTRPC, type RouterOutputs } from "../trpc.ts";

export type Me = NonNullable<RouterOutputs["auth"]["me"]>;

/** Who is signed in (null when nobody is); keeps the CSRF token for mutations up to date. */
export function useMeQuery() {
  const trpc = useTRPC();
  const query = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  if (query.data) setCsrfToken(query.data.csrfToken);
  return query;
}

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user inside the signed-in part of the app. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession is only for pages behind sign-in.");
  return me;
}

/** Whether the user's roles allow "<action> <Subject>" at all (for menus and buttons; the API checks each request). */
export function useCan(): (permission: string) => boolean {
  const me = useSession();
  return (permission) =>
    me.can.includes(permission) || me.can.includes(`${permission.split(" ")[0]} all`) || me.can.includes("manage all");
}
