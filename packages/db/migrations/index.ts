import type { Migration } from "kysely";

import * as m20261123000000 from "./20261123000000_foundation.ts";
import * as m20261124000000 from "./20261124000000_casework.ts";
import * as m20261125000000 from "./20261125000000_sign_in_throttle.ts";
import * as m20261201000000 from "./20261201000000_policy_validation.ts";
import * as m20261201000300 from "./20261201000300_one_draft_per_form.ts";
import * as m20261210000100 from "./20261210000100_indicator_values.ts";
import * as m20261210000200 from "./20261210000200_register_entries.ts";
import * as m20261215000100 from "./20261215000100_slim_case_state.ts";
import * as m20261215000110 from "./20261215000110_policy_move_mapping.ts";
import * as m20261215000200 from "./20261215000200_list_indexes.ts";
import * as m20261215000300 from "./20261215000300_address_attempts.ts";
import * as m20261220000100 from "./20261220000100_tasks.ts";
import * as m20261220000200 from "./20261220000200_clock_runs.ts";
import * as m20261220000300 from "./20261220000300_notification_messages.ts";
import * as m20261220000400 from "./20261220000400_oidc_sign_in.ts";
import * as m20261230000100 from "./20261230000100_policy_document_as_written.ts";

/**
 * Every migration, by name, in the order they run. A static list (not a folder
 * scan) so that it works the same under tsx, vitest and a bundle.
 */
export const migrations: Record<string, Migration> = {
  "20261123000000_foundation": m20261123000000,
  "20261124000000_casework": m20261124000000,
  "20261125000000_sign_in_throttle": m20261125000000,
  "20261201000000_policy_validation": m20261201000000,
  "20261201000300_one_draft_per_form": m20261201000300,
  "20261210000100_indicator_values": m20261210000100,
  "20261210000200_register_entries": m20261210000200,
  "20261215000100_slim_case_state": m20261215000100,
  "20261215000110_policy_move_mapping": m20261215000110,
  "20261215000200_list_indexes": m20261215000200,
  "20261215000300_address_attempts": m20261215000300,
  "20261220000100_tasks": m20261220000100,
  "20261220000200_clock_runs": m20261220000200,
  "20261220000300_notification_messages": m20261220000300,
  "20261220000400_oidc_sign_in": m20261220000400,
  "20261230000100_policy_document_as_written": m20261230000100,
};
