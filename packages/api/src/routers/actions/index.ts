import { createTRPCRouter } from "../../trpc.ts";
import { addAction } from "./add-action.ts";
import { addPriority } from "./add-priority.ts";
import { updateAction } from "./update-action.ts";

export const actionsRouter = createTRPCRouter({ addPriority, addAction, update: updateAction });
