import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@steward/db/testing/global-setup"],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
