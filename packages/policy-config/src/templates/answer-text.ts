/**
 * An answer to one of a policy's fields (a form's, a register entry's) as one
 * line of text: a list joined, yes or no, an object as its JSON, nothing as
 * blank. The one wording for the browser (packages/ui) and the server (CSV
 * exports), so an entry reads the same on the page and in the file.
 */
export function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.map(answerText).join(", ");
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "Yes" : "No";
    case "object":
      return value === null ? "" : JSON.stringify(value);
    default:
      return "";
  }
}
