import { actionsRouter } from "./routers/actions/index.ts";
import { assessmentsRouter } from "./routers/assessments/index.ts";
import { auditRouter } from "./routers/audit/index.ts";
import { authRouter } from "./routers/auth/index.ts";
import { casesRouter } from "./routers/cases/index.ts";
import { formsRouter } from "./routers/forms/index.ts";
import { getHealth } from "./routers/health/get-health.ts";
import { indicatorsRouter } from "./routers/indicators/index.ts";
import { lettersRouter } from "./routers/letters/index.ts";
import { meetingsRouter } from "./routers/meetings/index.ts";
import { notificationsRouter } from "./routers/notifications/index.ts";
import { policyRouter } from "./routers/policy/index.ts";
import { registersRouter } from "./routers/registers/index.ts";
import { schoolsRouter } from "./routers/schools/index.ts";
import { tasksRouter } from "./routers/tasks/index.ts";
import { tenantsRouter } from "./routers/tenants/index.ts";
import { usersRouter } from "./routers/users/index.ts";
import { visitsRouter } from "./routers/visits/index.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  health: getHealth,
  tenants: tenantsRouter,
  auth: authRouter,
  policy: policyRouter,
  schools: schoolsRouter,
  cases: casesRouter,
  assessments: assessmentsRouter,
  visits: visitsRouter,
  meetings: meetingsRouter,
  letters: lettersRouter,
  actions: actionsRouter,
  forms: formsRouter,
  users: usersRouter,
  audit: auditRouter,
  registers: registersRouter,
  indicators: indicatorsRouter,
  tasks: tasksRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures directly, without HTTP: for tests and the CLI. */
export const createCaller = createCallerFactory(appRouter);
