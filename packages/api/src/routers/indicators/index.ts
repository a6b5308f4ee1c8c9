import { createTRPCRouter } from "../../trpc.ts";
import { applyImport } from "./apply-import.ts";
import { getSchoolIndicators } from "./get-school-indicators.ts";
import { listImportable } from "./list-importable.ts";
import { listMappings } from "./list-mappings.ts";
import { listRuns } from "./list-runs.ts";
import { previewImport } from "./preview-import.ts";
import { recordValue } from "./record-value.ts";
import { saveMapping } from "./save-mapping.ts";
import { undoRun } from "./undo-run.ts";

/** The authority's own data: indicator values, their imports (mappings, dry runs, runs, undo) and officers' entries. */
export const indicatorsRouter = createTRPCRouter({
  forSchool: getSchoolIndicators,
  recordValue,
  listImportable,
  listMappings,
  saveMapping,
  previewImport,
  applyImport,
  listRuns,
  undoRun,
});
