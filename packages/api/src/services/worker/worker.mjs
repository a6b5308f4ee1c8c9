// A worker thread of the policy pool (pool.ts). Plain JavaScript so that
// Node loads it the same way under the server (tsx), vitest and anything else;
// it loads the TypeScript task module through tsx's own isolated loader. tsx
// applies one tsconfig, to the files it includes: @steward/forms' (its JSX
// setting compiles the forms the render check draws; the other packages'
// files need nothing of theirs).
import { fileURLToPath, URL } from "node:url";
import { tsImport } from "tsx/esm/api";

const { runPolicyTask } = await tsImport("./tasks.ts", {
  parentURL: import.meta.url,
  tsconfig: fileURLToPath(new URL("../../../../forms/tsconfig.json", import.meta.url)),
});

export default function run(task) {
  return runPolicyTask(task);
}
