// The school staff's app: its pages in the shell and bootstrap every Steward app shares (@steward/ui).
import { startApp } from "@steward/ui";

import "@steward/forms/styles.css";

import { router } from "./app/router.tsx";

startApp(router);
