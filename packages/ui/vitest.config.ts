import { defineConfig } from "vitest/config";

// The browser-side helpers run in jsdom (DOMPurify needs a complete DOM: it does not sanitise under happy-dom).
export default defineConfig({
  test: { environment: "jsdom", include: ["src/**/*.test.{ts,tsx}"] },
});
