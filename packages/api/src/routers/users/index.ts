import { createTRPCRouter } from "../../trpc.ts";
import { inviteUser } from "./invite-user.ts";
import { listUsers } from "./list-users.ts";
import { setRoles } from "./set-roles.ts";

export const usersRouter = createTRPCRouter({ list: listUsers, invite: inviteUser, setRoles });
