import { defineConfig } from "vitest/config";

// The studio's schema logic, tested without a browser (the SPA's own vite.config.ts is for building it).
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    maxWorkers: 1,
  },
});
