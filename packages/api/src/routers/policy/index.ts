import { createTRPCRouter } from "../../trpc.ts";
import { createDraft } from "./create-draft.ts";
import { diffVersions } from "./diff-versions.ts";
import { explainPermission } from "./explain-permission.ts";
import { exportVersion } from "./export-version.ts";
import { getImpact } from "./get-impact.ts";
import { getVersion } from "./get-version.ts";
import { listVersions } from "./list-versions.ts";
import { previewLetter } from "./preview-letter.ts";
import { publishVersion } from "./publish-version.ts";
import { retireVersion } from "./retire-version.ts";
import { testRule } from "./test-rule.ts";
import { updateDraft } from "./update-draft.ts";
import { validateDocument } from "./validate-document.ts";

export const policyRouter = createTRPCRouter({
  list: listVersions,
  get: getVersion,
  createDraft,
  updateDraft,
  validate: validateDocument,
  diff: diffVersions,
  impact: getImpact,
  publish: publishVersion,
  retire: retireVersion,
  export: exportVersion,
  previewLetter,
  explainPermission,
  testRule,
});
