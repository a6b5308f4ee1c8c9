import { defineConfig } from "vitest/config";

/** Test files that replace a module with `vi.mock`: they need a module graph of their own (see `isolate` below). */
const MOCKING_FILES = ["src/auth.test.ts", "src/sign-in-outside-transaction.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["@steward/db/testing/global-setup"],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "api",
          exclude: ["**/node_modules/**", ...MOCKING_FILES],
          // Each worker imports the API once and runs its test files one after another in it. Isolating every file
          // cost a fresh import of the whole router (tRPC, CASL, ajv, the policy engine) per file: 258 of the suite's
          // 401 s on 2 cores. Every file opens its own database and world, so no data is shared; module state is,
          // and must hold for any caller: caches keyed by ids that never repeat, rate limiters the tests replace
          // with their own (the world's), settings a test changes and restores. A file that mocks a module goes in
          // MOCKING_FILES: a module another file already loaded would keep its real implementation.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "api (isolated)", include: MOCKING_FILES },
      },
    ],
  },
});
