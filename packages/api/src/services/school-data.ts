import { z } from "zod";

import type { LetterContext } from "@steward/domain";

/** What GIAS says about a school beyond the register's columns, as kept in `schools.data.attributes`. */
export const schoolAttributes = z.object({
  headteacher: z.string().optional(),
  headteacherJobTitle: z.string().optional(),
  address: z.array(z.string()).optional(),
  diocese: z.string().optional(),
  religiousCharacter: z.string().optional(),
  religiousEthos: z.string().optional(),
  trust: z.string().optional(),
  senProvision: z
    .object({
      needs: z.array(z.string()),
      resourcedProvision: z.string().optional(),
      resourcedProvisionCapacity: z.number().optional(),
      resourcedProvisionOnRoll: z.number().optional(),
    })
    .optional(),
  pupilsOnRoll: z.number().optional(),
  schoolCapacity: z.number().optional(),
  website: z.string().optional(),
});

export type SchoolAttributes = z.infer<typeof schoolAttributes>;

/** The people an LA user records for a school (GIAS has no chair of governors), in `schools.data.contacts`. */
const schoolContacts = z.object({
  chairOfGovernors: z.string().optional(),
  /** Overrides GIAS's headteacher (a new head GIAS does not show yet). */
  headteacher: z.string().optional(),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});

const storedSchoolData = z.object({
  attributes: schoolAttributes.catch({}).default({}),
  contacts: schoolContacts.catch({}).default({}),
});

/** A school's attributes and contacts from its stored data: the one reader of those parts of `schools.data`. */
export function readSchoolProfileData(data: unknown): z.infer<typeof storedSchoolData> {
  return storedSchoolData.catch({ attributes: {}, contacts: {} }).parse(data);
}

/** The letter merge fields about the school's people and place (`school.headteacher`, `school.address`, ...). */
export function getSchoolMergeFields(data: unknown): Partial<LetterContext["school"]> {
  const { attributes, contacts } = readSchoolProfileData(data);
  const headteacher = contacts.headteacher ?? attributes.headteacher;
  return {
    ...(headteacher ? { headteacher } : {}),
    ...(contacts.chairOfGovernors ? { chairOfGovernors: contacts.chairOfGovernors } : {}),
    ...(attributes.address?.length ? { address: attributes.address.join(", ") } : {}),
    ...(attributes.trust ? { trust: attributes.trust } : {}),
  };
}
