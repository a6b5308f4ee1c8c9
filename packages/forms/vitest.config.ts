import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Two projects: `unit` renders the theme in happy-dom (fast, most of the tests); `browser` drives Debian's Chromium
// against the built Storybook (axe on every story, the keyboard journey). Browser tests skip without Chromium.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "happy-dom",
          include: ["src/**/*.test.{ts,tsx}"],
          setupFiles: ["src/testing/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
