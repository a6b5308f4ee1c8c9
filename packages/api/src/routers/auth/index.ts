import { createTRPCRouter } from "../../trpc.ts";
import { acceptInvite } from "./accept-invite.ts";
import { getMe } from "./get-me.ts";
import { signInOptions } from "./sign-in-options.ts";
import { signIn } from "./sign-in.ts";
import { signOut } from "./sign-out.ts";

export const authRouter = createTRPCRouter({ signIn, signInOptions, signOut, me: getMe, acceptInvite });
