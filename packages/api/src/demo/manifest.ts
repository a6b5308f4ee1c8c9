// The demo's own files (packages/api/demo/): the manifest naming the authorities, their policies, calendars and
// people. The manifest is parsed, so a mistyped entry fails with the field it is about rather than mid-seed.
import { readFileSync } from "node:fs";
import { z } from "zod";

const DEMO_DIR = new URL("../../demo/", import.meta.url);

export const readDemoFile = (name: string) => readFileSync(new URL(name, DEMO_DIR), "utf8");

const manifestSchema = z.object({
  password: z.string().min(1),
  registers: z.object({ schools: z.string(), links: z.string() }),
  tenants: z.array(
    z.object({
      slug: z.string(),
      policy: z.string(),
      newYear: z.object({
        period: z.string(),
        effectiveFrom: z.iso.date(),
        effectiveTo: z.iso.date(),
        calendar: z.string(),
      }),
      people: z.array(z.string()),
    }),
  ),
});

export type DemoTenantEntry = z.infer<typeof manifestSchema>["tenants"][number];

export const manifest = manifestSchema.parse(JSON.parse(readDemoFile("demo.json")));
