import { createTRPCRouter } from "../../trpc.ts";
import { completeTask } from "./complete-task.ts";
import { dismissTask } from "./dismiss-task.ts";

export const tasksRouter = createTRPCRouter({ complete: completeTask, dismiss: dismissTask });
