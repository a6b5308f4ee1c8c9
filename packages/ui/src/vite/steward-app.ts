// The build of a Steward app (apps/admin, apps/portal), shared: Vite's settings and the head of GOV.UK's page
// template, so each app's index.html holds only its title, the "JavaScript is on" script and its entry. Used by the apps' vite.config.ts (not in the
// browser bundle): `import { stewardApp } from "@steward/ui/vite"`.
import type { HtmlTagDescriptor, Plugin, PluginOption, UserConfig } from "vite";

/** The head of GOV.UK's page template, the same in every app. */
const GOVUK_PAGE: HtmlTagDescriptor[] = [
  { tag: "meta", attrs: { charset: "utf-8" }, injectTo: "head-prepend" },
  {
    tag: "meta",
    attrs: { name: "viewport", content: "width=device-width, initial-scale=1, viewport-fit=cover" },
    injectTo: "head-prepend",
  },
  { tag: "meta", attrs: { name: "theme-color", content: "#1d70b8" }, injectTo: "head-prepend" },
  { tag: "link", attrs: { rel: "icon", sizes: "48x48", href: "/assets/images/favicon.ico" }, injectTo: "head-prepend" },
];

/** Adds GOV.UK's page head to the app's index.html, before Vite reads it. */
function govukPage(): Plugin {
  return { name: "steward-govuk-page", transformIndexHtml: { order: "pre", handler: () => GOVUK_PAGE } };
}

/**
 * A Steward app's Vite settings. Served by apps/server under `base`; in development `vite` proxies the API and GOV.UK
 * Frontend's assets to a server started with `pnpm start`. `plugins` are the app's own (React's).
 */
export function stewardApp(base: `/${string}/`, plugins: PluginOption[]): UserConfig {
  return {
    base,
    plugins: [govukPage(), ...plugins],
    server: {
      proxy: {
        "/api": "http://localhost:3000",
        "/assets": "http://localhost:3000",
      },
    },
    // govuk-frontend ships its CSS minified, with IE hacks lightningcss rejects.
    build: { sourcemap: true, cssMinify: false },
  };
}
