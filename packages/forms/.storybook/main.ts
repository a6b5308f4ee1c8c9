import type { StorybookConfig } from "@storybook/react-vite";

// Built offline: no telemetry, no update checks. GOV.UK Frontend's fonts and images are served from /assets, where
// its CSS looks for them.
const config: StorybookConfig = {
  stories: ["../src/**/*.stories.@(ts|tsx)"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  typescript: { reactDocgen: false },
  staticDirs: [{ from: "../node_modules/govuk-frontend/dist/govuk/assets", to: "/assets" }],
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import("vite");
    // The stories read the policies from the sibling policy-config package. GOV.UK Frontend's CSS keeps an old IE
    // `@media screen\0` hack that Vite 8's CSS minifier (lightningcss) rejects unless told to skip it.
    return mergeConfig(viteConfig, {
      server: { fs: { allow: ["../.."] } },
      css: { lightningcss: { errorRecovery: true } },
      build: { chunkSizeWarningLimit: 4000 },
    });
  },
};

export default config;
