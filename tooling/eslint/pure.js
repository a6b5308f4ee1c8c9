// For packages that must stay pure (domain, policy-config): no Node APIs, no
// React, no database, no HTTP. They run the same in a browser, a test or a worker.
import base from "./base.js";

export default [
  ...base,
  {
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "http", "https", "crypto"],
              message: "This package is pure: no Node APIs.",
            },
            { group: ["react", "react-dom", "react/*"], message: "This package is pure: no React." },
            {
              group: ["kysely", "pg", "@electric-sql/*", "@steward/db", "@steward/api"],
              message: "This package is pure: no database or API.",
            },
            {
              group: ["@steward/server", "@steward/admin", "@steward/portal"],
              message: "A package never imports an app.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "This package is pure: pass values in." }],
      // Time, chance and identity come in as arguments, so a decision replays the same.
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "This package is pure: take the time as an argument." },
        { object: "Math", property: "random", message: "This package is pure: take randomness as an argument." },
        { object: "crypto", property: "randomUUID", message: "This package is pure: take identifiers as arguments." },
        { object: "globalThis", property: "crypto", message: "This package is pure: take identifiers as arguments." },
        { object: "performance", property: "now", message: "This package is pure: take the time as an argument." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "This package is pure: `new Date()` reads the clock; take the time as an argument.",
        },
        {
          selector: "CallExpression[callee.name='Date'][arguments.length=0]",
          message: "This package is pure: `Date()` reads the clock; take the time as an argument.",
        },
      ],
    },
  },
];
