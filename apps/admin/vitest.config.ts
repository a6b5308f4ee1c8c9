import { defineConfig } from "vitest/config";

// The admin app's pure parts (the form builder's model) are tested in Node; its pages are covered by apps/e2e.
export default defineConfig({
  test: { environment: "node", include: ["src/**/*.test.{ts,tsx}"] },
});
