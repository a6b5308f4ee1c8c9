/**
 * Reading JSON whose shape is not known (a form's schema, a rule, a part of a
 * document being walked) without `any`: its fields come out as `unknown`, to
 * be narrowed where they are used.
 */

/** The fields of a JSON object (or the items of a list, by index) as unknown values. */
export function entriesOf(value: object): [string, unknown][] {
  return Object.entries(value);
}

/** A field of a JSON value (an item of a list, by index), or undefined when the value has no fields. */
export function fieldOf(value: unknown, key: string | number): unknown {
  return value !== null && typeof value === "object" ? (Reflect.get(value, key) as unknown) : undefined;
}
