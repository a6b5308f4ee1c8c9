import { z } from "zod";

import { listMyTasks as findMyTasks } from "@steward/db";
import { toIsoDate } from "@steward/domain";

import { getAccessFilter } from "../../services/access.ts";
import { assigneesOf, getWeekEnd } from "../../services/tasks.ts";
import { tenantProcedure } from "../../trpc.ts";
import { DUE_GROUPS, taskItem, toTaskItem } from "./shared.ts";

/** The most pieces of work one list shows (the counts count them all). */
const MOST = 500;

const listMyTasksOutput = z.object({
  today: z.string(),
  total: z.number(),
  groups: z.array(z.object({ key: z.string(), label: z.string(), items: z.array(taskItem) })),
});

/**
 * The user's open work ("My work", "What we need from you"): what is assigned to them or to a role they hold
 * (a school role: at its school), on cases they may read, grouped by when it is due.
 */
export const listMyTasks = tenantProcedure
  .input(z.object({}).optional())
  .output(listMyTasksOutput)
  .query(async ({ ctx }) => {
    const today = toIsoDate(ctx.now());
    const weekEnd = getWeekEnd(today);
    const rows = await findMyTasks(ctx.trx, getAccessFilter(ctx.ability, "read", "Case"), assigneesOf(ctx.user), MOST);
    const items = rows.map((row) => toTaskItem(row, today, weekEnd));
    return {
      today,
      total: items.length,
      groups: DUE_GROUPS.map((g) => ({ ...g, items: items.filter((i) => i.group === g.key) })).filter(
        (g) => g.items.length > 0,
      ),
    };
  });
