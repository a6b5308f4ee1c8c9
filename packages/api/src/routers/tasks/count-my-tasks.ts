import { z } from "zod";

import { countMyTasks as countTasks } from "@steward/db";
import { toIsoDate } from "@steward/domain";

import { getAccessFilter } from "../../services/access.ts";
import { assigneesOf, getWeekEnd } from "../../services/tasks.ts";
import { tenantProcedure } from "../../trpc.ts";

const countMyTasksOutput = z.object({ overdue: z.number(), today: z.number(), week: z.number(), total: z.number() });

/** How much open work the user has (for the menu's count): overdue, due today, due later this week, and in all. */
export const countMyTasks = tenantProcedure
  .input(z.object({}).optional())
  .output(countMyTasksOutput)
  .query(async ({ ctx }) => {
    const today = toIsoDate(ctx.now());
    return countTasks(ctx.trx, getAccessFilter(ctx.ability, "read", "Case"), assigneesOf(ctx.user), {
      today,
      weekEnd: getWeekEnd(today),
    });
  });
