import { createTRPCRouter } from "../../trpc.ts";
import { closeEntry } from "./close-entry.ts";
import { exportEntries } from "./export-entries.ts";
import { listEntries } from "./list-entries.ts";
import { logEntry } from "./log-entry.ts";

export const registersRouter = createTRPCRouter({
  logEntry,
  closeEntry,
  listEntries,
  exportEntries,
});
