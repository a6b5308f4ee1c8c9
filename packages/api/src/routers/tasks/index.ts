import { createTRPCRouter } from "../../trpc.ts";
import { completeTask } from "./complete-task.ts";
import { countMyTasks } from "./count-my-tasks.ts";
import { dismissTask } from "./dismiss-task.ts";
import { listMyTasks } from "./list-my-tasks.ts";
import { listTeamTasks } from "./list-team-tasks.ts";

export const tasksRouter = createTRPCRouter({
  complete: completeTask,
  dismiss: dismissTask,
  mine: listMyTasks,
  counts: countMyTasks,
  team: listTeamTasks,
});
