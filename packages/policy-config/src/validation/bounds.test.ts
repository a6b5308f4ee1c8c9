import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { setAt, textMatching } from "../testing/break.ts";
import { validatePolicy } from "./index.ts";

// What a policy may ask of the service is bounded: templates cannot reach the
// file system or write raw text, rules cannot log, form schemas cannot name
// themselves or point outside themselves, and a huge policy costs a bounded
// amount to validate and to report.

function problemsOf(breakIt: (policy: PolicyDocument) => void) {
  const policy = createMinimalPolicy();
  breakIt(policy);
  return validatePolicy(policy);
}

describe("letter templates", () => {
  it("refuses include, render and layout with a pointer, never touching the disk", () => {
    for (const tag of ["include", "render", "layout"]) {
      const result = problemsOf((p) => setAt(p, "/letterTypes/0/template/body", `<p>{% ${tag} 'package.json' %}</p>`));
      expect(result.ok).toBe(false);
      const problem = result.problems.find((x) => x.pointer === "/letterTypes/0/template/body");
      expect(problem?.message).toMatch(/^The template does not parse: Templates cannot (include|render|use a layout)/);
      expect(JSON.stringify(result.problems)).not.toMatch(/ENOENT|no such file/);
    }
  });

  it("refuses include of a file that does not exist the same way (no ENOENT)", () => {
    const result = problemsOf((p) => setAt(p, "/letterTypes/0/template/subject", "{% include 'missing.liquid' %}"));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ pointer: "/letterTypes/0/template/subject", code: "template.syntax" }),
    );
    expect(JSON.stringify(result.problems)).not.toMatch(/ENOENT|no such file/);
  });

  it("refuses raw", () => {
    const result = problemsOf((p) =>
      setAt(p, "/letterTypes/0/template/body", "{% raw %}{{ school.name }}{% endraw %}"),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        pointer: "/letterTypes/0/template/body",
        message: textMatching(/cannot use raw/),
      }),
    );
  });
});

describe("rules", () => {
  it("refuses the log operator", () => {
    const result = problemsOf((p) => setAt(p, "/triggers/0/when", { log: [{ var: "case.stage" }] }));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ pointer: "/triggers/0/when", message: textMatching(/"log" is not/) }),
    );
  });

  it("refuses log nested inside another operator", () => {
    const result = problemsOf((p) => setAt(p, "/triggers/0/when", { and: [true, { log: "x" }] }));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ pointer: "/triggers/0/when/and/1", code: "rule.operator" }),
    );
  });
});

describe("form schemas", () => {
  it("refuses a form schema with $id, with its pointer", () => {
    const result = problemsOf((p) => setAt(p, "/forms/0/schema/$id", "https://example.org/visit-report"));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ pointer: "/forms/0/schema/$id", code: "form.schema.id" }),
    );
  });

  it("refuses $id deep inside a form schema", () => {
    const result = problemsOf((p) => setAt(p, "/forms/0/schema/properties/summary/$id", "summary"));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ pointer: "/forms/0/schema/properties/summary/$id", code: "form.schema.id" }),
    );
  });

  it("refuses a $ref to a definition the schema lacks", () => {
    const result = problemsOf((p) => setAt(p, "/forms/0/schema/properties/other", { $ref: "#/$defs/missing" }));
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        pointer: "/forms/0/schema/properties/other/$ref",
        code: "form.schema.ref",
        message: textMatching(/#\/\$defs\/missing/),
      }),
    );
  });

  it("refuses a $ref to another document", () => {
    for (const ref of [
      "http://example.org/schema.json",
      "other.json#/x",
      "https://steward.schools/schema/policy/v2.json",
    ]) {
      const result = problemsOf((p) => setAt(p, "/forms/0/schema/properties/other", { $ref: ref }));
      expect(result.problems).toContainEqual(
        expect.objectContaining({ pointer: "/forms/0/schema/properties/other/$ref", code: "form.schema.ref" }),
      );
    }
  });

  it("accepts a $ref that resolves inside the schema", () => {
    const result = problemsOf((p) => {
      setAt(p, "/forms/0/schema/$defs", { note: { type: "string", maxLength: 100 } });
      setAt(p, "/forms/0/schema/properties/other", { $ref: "#/$defs/note" });
      setAt(p, "/forms/0/schema/properties/again", { $ref: "#" });
    });
    expect(result.problems.filter((x) => x.pointer.startsWith("/forms/"))).toEqual([]);
  });
});

describe("the cost of validating", () => {
  it("caps the size of every list in the meta-schema", () => {
    const result = problemsOf((p) =>
      setAt(
        p,
        "/triggers",
        Array.from({ length: 201 }, (_, i) => ({ ...p.triggers[0], key: `t-${i}` })),
      ),
    );
    expect(result.problems).toContainEqual(expect.objectContaining({ pointer: "/triggers", code: "schema.maxItems" }));
  });

  it("returns at most 200 problems and says there are more, for a policy with 24,000", () => {
    // 24,000 descriptors, each with a key that is not a key: 24,000 problems in under 100,000 values.
    const result = problemsOf((p) =>
      setAt(
        p,
        "/criteria/0/descriptors",
        Array.from({ length: 24_000 }, () => ({ key: "Not A Key", text: "x" })),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeLessThanOrEqual(201);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ pointer: "/criteria/0/descriptors", code: "schema.maxItems" }),
    );
    const last = result.problems.at(-1)!;
    expect(last).toMatchObject({ code: "problems.truncated", pointer: "", severity: "error" });
    expect(last.message).toMatch(
      /^And (at least )?\d[\d,]* more problems not shown( \(too many to count\))?: fix these first\.$/,
    );
    expect(result.omitted).toBeGreaterThan(0);
    expect(JSON.stringify(result).length).toBeLessThan(200_000);
  });

  it("checks a policy many times the size of any real one only up to its first problem", () => {
    // 12,000 categories each with a colour GOV.UK does not have and a bad key: 24,000 problems in 180,000 values.
    const result = problemsOf((p) => {
      setAt(
        p,
        "/categories",
        Array.from({ length: 12_000 }, (_, i) => ({
          ...p.categories[0],
          key: `Bad Key ${i}`,
          colour: "mauve",
          severity: i % 20,
        })),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatchObject({
      pointer: "/categories",
      code: "schema.maxItems",
      message: "Has more than 200 items.",
    });
    expect(result.problems[1]).toMatchObject({
      code: "problems.truncated",
      message: textMatching(/^The policy is too large to check in full/),
    });
  });

  it("returns at most 200 problems for a policy with 24,000 semantic problems", () => {
    const result = problemsOf((p) => {
      setAt(
        p,
        "/triggers",
        Array.from({ length: 200 }, (_, i) => ({
          ...p.triggers[0],
          key: `t-${i}`,
          suggests: { category: "nope" },
          when: { and: Array.from({ length: 119 }, () => ({ var: "no.such.fact" })) },
        })),
      );
    });
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeLessThanOrEqual(201);
    expect(result.problems.at(-1)).toMatchObject({ code: "problems.truncated" });
  });
});

describe("free-form parts", () => {
  it("refuses a form schema longer than 100,000 characters", () => {
    const result = problemsOf((p) => setAt(p, "/forms/0/schema/properties/summary/description", "x".repeat(100_001)));
    expect(result.problems).toContainEqual(expect.objectContaining({ pointer: "/forms/0/schema", code: "form.size" }));
  });

  it("refuses a rule longer than 100,000 characters", () => {
    const result = problemsOf((p) => setAt(p, "/triggers/0/when", { in: ["x", "y".repeat(100_001)] }));
    expect(result.problems).toContainEqual(expect.objectContaining({ pointer: "/triggers/0/when", code: "rule.size" }));
  });
});
