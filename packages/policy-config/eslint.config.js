export { default } from "@steward/eslint-config/pure";
