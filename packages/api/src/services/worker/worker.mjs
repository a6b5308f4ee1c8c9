// A worker thread of the policy pool (pool.ts). Plain JavaScript so that
// Node loads it the same way under the server (tsx), vitest and anything else;
// it loads the TypeScript task module through tsx's own isolated loader.
import { tsImport } from "tsx/esm/api";

const { runPolicyTask } = await tsImport("./tasks.ts", import.meta.url);

export default function run(task) {
  return runPolicyTask(task);
}
