/**
 * Every frequency anywhere in the policy says either "every N units" or "N
 * times a unit". Frequencies appear in several sections, so this walks the
 * whole document (skipping forms' own schemas, whose fields are the form's).
 */
import { entriesOf } from "../../json.ts";
import type { PolicyDocument } from "../../schema/policy.ts";
import type { Path, Report, SemanticsContext } from "./context.ts";

function checkFrequency(frequency: object, path: Path, report: Report): void {
  const every = "every" in frequency ? frequency.every : undefined;
  const times = "times" in frequency ? frequency.times : undefined;
  if ((every === undefined) === (times === undefined)) {
    report(
      path,
      'Give either "every" (every 4 weeks) or "times" (4 times a year), not both or neither.',
      "frequency.shape",
    );
  }
}

function forEachFrequency(node: unknown, path: Path, report: Report): void {
  if (Array.isArray(node)) {
    node.forEach((child: unknown, i) => forEachFrequency(child, [...path, i], report));
    return;
  }
  if (!node || typeof node !== "object") return;
  for (const [field, child] of entriesOf(node)) {
    if (field === "schema" || field === "uiSchema") continue; // a form's own fields
    if ((field === "frequency" || field === "reviewFrequency") && child && typeof child === "object")
      checkFrequency(child, [...path, field], report);
    else forEachFrequency(child, [...path, field], report);
  }
}

export function checkFrequencies(policy: PolicyDocument, { report }: SemanticsContext): void {
  forEachFrequency(policy, [], report);
}
