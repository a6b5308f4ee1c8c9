import { createTRPCRouter } from "../../trpc.ts";
import { listAudit } from "./list-audit.ts";

export const auditRouter = createTRPCRouter({ list: listAudit });
