export { default } from "@steward/eslint-config/base";
