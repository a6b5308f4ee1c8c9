import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

import { stewardApp } from "@steward/ui/vite";

// Served by apps/server at /admin/ (the settings every Steward app shares are in @steward/ui/vite).
export default defineConfig(stewardApp("/admin/", [react()]));
