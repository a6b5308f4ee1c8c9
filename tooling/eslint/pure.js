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
    },
  },
];
