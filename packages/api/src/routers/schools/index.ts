import { createTRPCRouter } from "../../trpc.ts";
import { getSchool } from "./get-school.ts";
import { importRegister } from "./import-register.ts";
import { listSchools } from "./list-schools.ts";
import { setContacts } from "./set-contacts.ts";

export const schoolsRouter = createTRPCRouter({
  list: listSchools,
  get: getSchool,
  import: importRegister,
  setContacts,
});
