import { createTRPCRouter } from "../../trpc.ts";
import { listTenants } from "./list-tenants.ts";

export const tenantsRouter = createTRPCRouter({ list: listTenants });
