import {
  letterParameterFields,
  letterParameterSchema,
  MERGE_FIELDS,
  MERGE_LISTS,
  type LetterType,
} from "@steward/policy-config";

/** A merge field the editor offers: its path in the template and what it means, in words. */
export interface MergeFieldChoice {
  path: string;
  meaning: string;
  group: "letter" | "parameters" | "item";
}

const withoutStop = (text: string) => text.replace(/\.$/, "");

/**
 * The merge fields a letter type's template may use: the vocabulary's (a list such as `indicators` only through a
 * repeated block), the type's own parameters (`parameters.<field>`, named by their titles), and each list entry's
 * fields under the name a repeated block gives it (`indicator.text`).
 */
export function getMergeFieldChoices(letterType: Partial<LetterType> | undefined): MergeFieldChoice[] {
  const vocabulary = Object.entries(MERGE_FIELDS)
    .filter(([path]) => path.includes(".") && !path.includes("{"))
    .map(([path, meaning]): MergeFieldChoice => ({ path, meaning: withoutStop(meaning), group: "letter" }));
  const parameters = letterType?.parameters
    ? letterParameterFields({ parameters: letterType.parameters }).map((field): MergeFieldChoice => {
        const title = letterParameterSchema({ parameters: letterType.parameters }, field)?.title;
        return {
          path: `parameters.${field}`,
          meaning: `What the officer fills in: ${typeof title === "string" ? title : field}`,
          group: "parameters",
        };
      })
    : [];
  const items = Object.values(MERGE_LISTS).flatMap(({ item, fields }) =>
    Object.entries(fields).map(([name, meaning]): MergeFieldChoice => ({
      path: `${item}.${name}`,
      meaning: withoutStop(meaning),
      group: "item",
    })),
  );
  return [...vocabulary, ...parameters, ...items];
}

/** The lists a repeated block may go through, each with what one entry is called. */
export const MERGE_LIST_CHOICES = Object.entries(MERGE_LISTS).map(([collection, { item }]) => ({
  collection,
  variable: item,
  meaning: withoutStop(MERGE_FIELDS[collection] ?? collection).split(":")[0] ?? collection,
}));

/** What a chip says for a merge field: its meaning, or (a field the editor does not know) its path. */
export function describeField(path: string, choices: readonly MergeFieldChoice[]): string {
  return choices.find((choice) => choice.path === path)?.meaning ?? path;
}

/** A conditional block's condition as the field it tests (`letter.notes.size > 0`, `letter.notes != blank`). */
export function conditionField(condition: string): string | undefined {
  return /^([A-Za-z_][\w.]*?)(?:\.size > 0| != blank)?$/.exec(condition.trim())?.[1];
}

/** The condition the editor writes for "when this field has a value". */
export const hasValue = (path: string) => `${path} != blank`;
