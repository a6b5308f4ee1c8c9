import { createTRPCRouter } from "../../trpc.ts";
import { getFormResponse } from "./get-form-response.ts";
import { listForms } from "./list-forms.ts";
import { saveForm } from "./save-form.ts";
import { submitForm } from "./submit-form.ts";

export const formsRouter = createTRPCRouter({
  list: listForms,
  get: getFormResponse,
  save: saveForm,
  submit: submitForm,
});
