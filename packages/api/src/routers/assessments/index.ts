import { createTRPCRouter } from "../../trpc.ts";
import { decideCategory } from "./decide-category.ts";
import { moderateCategory } from "./moderate-category.ts";
import { recordAssessment } from "./record-assessment.ts";

export const assessmentsRouter = createTRPCRouter({
  record: recordAssessment,
  decide: decideCategory,
  moderate: moderateCategory,
});
