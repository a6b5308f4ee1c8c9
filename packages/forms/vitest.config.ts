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
          // Each worker imports React, rjsf and the theme once and runs its files one after another in it (30 s -> 11 s
          // on 2 cores). The setup file still runs for every file, and it unmounts what each test rendered.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          // axe over every story takes 1-2 minutes on 2 cores, more on a busy machine: a safety net, not a speed test.
          testTimeout: 600_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
