import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served by apps/server at /portal/. In development, `vite` proxies the API and
// GOV.UK Frontend's assets to a server started with `pnpm start`.
export default defineConfig({
  base: "/portal/",
  plugins: [react()],
  server: {
    proxy: {
      "/api": "http://localhost:3000",
      "/assets": "http://localhost:3000",
    },
  },
  // govuk-frontend ships its CSS minified, with IE hacks lightningcss rejects.
  build: { sourcemap: true, cssMinify: false },
});
