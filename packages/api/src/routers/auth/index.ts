import { createTRPCRouter } from "../../trpc.ts";
import { acceptInvite } from "./accept-invite.ts";
import { getMe } from "./get-me.ts";
import { signIn } from "./sign-in.ts";
import { signOut } from "./sign-out.ts";

export const authRouter = createTRPCRouter({ signIn, signOut, me: getMe, acceptInvite });
