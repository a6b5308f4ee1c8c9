import { createTRPCRouter } from "../../trpc.ts";
import { assignOfficer } from "./assign-officer.ts";
import { changeSchool } from "./change-school.ts";
import { changeStage } from "./change-stage.ts";
import { closeCase } from "./close-case.ts";
import { getCaseAt } from "./get-case-at.ts";
import { getCaseOptions } from "./get-case-options.ts";
import { getCasePolicy } from "./get-case-policy.ts";
import { getCase } from "./get-case.ts";
import { listCases } from "./list-cases.ts";
import { openCase } from "./open-case.ts";
import { summariseCases } from "./summarise-cases.ts";

export const casesRouter = createTRPCRouter({
  list: listCases,
  summary: summariseCases,
  get: getCase,
  at: getCaseAt,
  policy: getCasePolicy,
  options: getCaseOptions,
  open: openCase,
  assign: assignOfficer,
  changeStage,
  changeSchool,
  close: closeCase,
});
