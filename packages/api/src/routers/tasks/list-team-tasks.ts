import { z } from "zod";

import { listTeamTasks as findTeamTasks } from "@steward/db";
import { canOnEvery, DomainError, toIsoDate } from "@steward/domain";

import { getAccessFilter } from "../../services/access.ts";
import { getWeekEnd } from "../../services/tasks.ts";
import { tenantProcedure } from "../../trpc.ts";
import { taskItem, toTaskItem } from "./shared.ts";

const MOST = 2000;

const listTeamTasksOutput = z.object({
  today: z.string(),
  people: z.array(
    z.object({
      assignee: z.string(),
      /** A person's name, or a role's label ("Senior officer (anyone with the role)"). */
      name: z.string(),
      overdue: z.number(),
      items: z.array(taskItem),
    }),
  ),
});

/**
 * The LA's open work by person (and by role, for work any holder of a role may do), for those who share out the
 * work: whoever may assign every case an officer. Only cases the user may read are counted.
 */
export const listTeamTasks = tenantProcedure
  .input(z.object({}).optional())
  .output(listTeamTasksOutput)
  .query(async ({ ctx }) => {
    if (!canOnEvery(ctx.ability, "assign", "Case"))
      throw new DomainError(
        "forbidden",
        "Your roles do not allow you to see the team's work: it is for those who assign cases.",
      );
    const today = toIsoDate(ctx.now());
    const weekEnd = getWeekEnd(today);
    const rows = await findTeamTasks(ctx.trx, getAccessFilter(ctx.ability, "read", "Case"), MOST);
    const people = new Map<string, z.infer<typeof listTeamTasksOutput>["people"][number]>();
    for (const row of rows) {
      const role = row.assignee.startsWith("role:") ? row.assignee.slice(5) : undefined;
      const name = role
        ? `${ctx.policy.document.roles.find((r) => r.key === role)?.label ?? role} (anyone with the role)`
        : (row.assignee_name ?? "A former user");
      const person = people.get(row.assignee) ?? { assignee: row.assignee, name, overdue: 0, items: [] };
      const item = toTaskItem(row, today, weekEnd);
      person.items.push(item);
      if (item.group === "overdue") person.overdue++;
      people.set(row.assignee, person);
    }
    return {
      today,
      people: [...people.values()].sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name)),
    };
  });
