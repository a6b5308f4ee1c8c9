import base from "@steward/eslint-config/base";

export default [
  ...base,
  {
    // The whole package is a benchmark (the shared config relaxes "bench/**" inside other packages alike).
    files: ["src/**"],
    rules: {
      "no-restricted-properties": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "max-lines-per-function": "off",
    },
  },
];
