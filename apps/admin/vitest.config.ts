import { defineConfig } from "vitest/config";

// The admin app's own unit tests are pure (a letter template's blocks); vite.config.ts builds the app.
export default defineConfig({ test: { environment: "node", include: ["src/**/*.test.ts"] } });
