import { defineConfig } from "vitest/config";

// The studio's pure parts (schema logic, the form builder's and letter editor's models), tested in Node without a
// browser; its pages are covered by apps/e2e (the SPA's own vite.config.ts is for building it).
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}"],
    maxWorkers: 1,
  },
});
