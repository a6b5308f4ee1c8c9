// Shared lint rules. They back the package boundaries that pnpm's declared
// dependencies already enforce: no package imports an app, and `process.env`
// is read in exactly one `env.ts` per app.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const base = tseslint.config(
  { ignores: ["dist/**", "storybook-static/**", "node_modules/**", ".turbo/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Typed rules: each file is checked with the tsconfig nearest to it.
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: process.cwd() },
    },
  },
  {
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      "@typescript-eslint/no-non-null-assertion": "error",
      // A function reads in one screen: longer ones split into named steps.
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@steward/server",
                "@steward/server/*",
                "@steward/admin",
                "@steward/admin/*",
                "@steward/portal",
                "@steward/portal/*",
              ],
              message: "A package never imports an app.",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read the environment only in the app's env.ts and pass values in.",
        },
      ],
    },
  },
  {
    // The one place per app that reads the environment, and tool configs.
    files: ["**/env.ts", "**/*.config.ts", "**/*.config.js"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Tests, fixtures, stories and benchmarks: not production code.
    files: [
      "**/*.test.ts",
      "**/*.test.tsx",
      "**/*.stories.tsx",
      "**/test/**",
      "**/testing/**",
      "**/fixtures/**",
      "bench/**",
    ],
    rules: {
      "no-restricted-properties": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "max-lines-per-function": "off",
    },
  },
  {
    // Migrations are frozen in time: they see the database as it was, untyped.
    files: ["**/migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "max-lines-per-function": "off" },
  },
  {
    // Plain JavaScript (configs, served scripts) has no types to check.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/switch-exhaustiveness-check": "off" },
  },
);

export default base;
