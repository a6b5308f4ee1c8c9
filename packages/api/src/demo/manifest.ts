// The demo's own files (packages/api/demo/): the manifest naming the authorities, their policies, calendars and
// people. The manifest is parsed, so a mistyped entry fails with the field it is about rather than mid-seed.
import { readFileSync } from "node:fs";
import { z } from "zod";

import { mappingSchema } from "../services/indicators/mapping.ts";

const DEMO_DIR = new URL("../../demo/", import.meta.url);

export const readDemoFile = (name: string) => readFileSync(new URL(name, DEMO_DIR), "utf8");

/**
 * The authority's demo data: a saved mapping for the DfE's school-level attendance files, last year's
 * figures (generated in that layout for every school) imported through it, and entries in the policy's
 * registers on demo cases ("showcase", or the n-th case in register order), each received some days
 * before it was logged.
 */
const demoDataSchema = z.object({
  mapping: mappingSchema.extend({ name: z.string().min(1) }),
  lastYear: z.object({ timePeriod: z.string(), timeIdentifier: z.string(), asAt: z.iso.date(), file: z.string() }),
  registerEntries: z
    .array(
      z.object({
        register: z.string(),
        school: z.union([z.literal("showcase"), z.number().int().min(0)]),
        occurredDaysAgo: z.number().int().min(0),
        loggedDaysAgo: z.number().int().min(0),
        fields: z.record(z.string(), z.unknown()),
      }),
    )
    .default([]),
});

export type DemoData = z.infer<typeof demoDataSchema>;

const manifestSchema = z.object({
  password: z.string().min(1),
  registers: z.object({ schools: z.string(), links: z.string() }),
  tenants: z.array(
    z.object({
      slug: z.string(),
      policy: z.string(),
      /** The authority's own register, a GIAS "all establishment data" file, instead of the shared census file. */
      register: z.object({ gias: z.string() }).optional(),
      /** A new strategy year published over the policy as transcribed; absent when the policy is already this year's. */
      newYear: z
        .object({
          period: z.string(),
          effectiveFrom: z.iso.date(),
          effectiveTo: z.iso.date(),
          calendar: z.string(),
        })
        .optional(),
      people: z.array(z.string()),
      data: demoDataSchema.optional(),
    }),
  ),
});

export type DemoTenantEntry = z.infer<typeof manifestSchema>["tenants"][number];

export const manifest = manifestSchema.parse(JSON.parse(readDemoFile("demo.json")));

/** The demo authorities' slugs, as the manifest lists them (for the test identity provider's clients). */
export const demoTenantSlugs = (): string[] => manifest.tenants.map((t) => t.slug);
