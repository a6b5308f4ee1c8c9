export { default } from "@steward/eslint-config/react";
