import { describe, expect, it } from "vitest";

import type { IndicatorDefinition } from "@steward/policy-config";

import { convertValue, formatValue } from "./convert.ts";

const of = (type: IndicatorDefinition["type"]) => ({ type });
const percent = of({ kind: "number", unit: "%", minimum: 0, maximum: 100 });

describe("converting a cell by the indicator's type", () => {
  it("reads the DfE's suppression markers and empty cells as no value, never zero", () => {
    for (const marker of ["SUPP", "NE", "NP", "LOWCOV", "x", "c", "z", ":", "", "  "])
      expect(convertValue(percent, marker), marker).toEqual({ kind: "none" });
  });

  it("reads numbers as published (65%, 1,234, -2.1) and checks the range", () => {
    expect(convertValue(percent, "65%")).toEqual({ kind: "value", value: 65 });
    expect(convertValue(of({ kind: "number" }), "1,234")).toEqual({ kind: "value", value: 1234 });
    expect(convertValue(of({ kind: "number" }), "-2.1")).toEqual({ kind: "value", value: -2.1 });
    expect(convertValue(percent, "101")).toEqual({ kind: "error", reason: "101 is above the highest value, 100 %." });
    expect(convertValue(percent, "-1")).toEqual({ kind: "error", reason: "-1 is below the lowest value, 0 %." });
    expect(convertValue(percent, "12a")).toEqual({ kind: "error", reason: '"12a" is not a number.' });
  });

  it("reads yes or no in the ways files write it", () => {
    const yesNo = of({ kind: "boolean" });
    for (const yes of ["yes", "Y", "TRUE", "1"])
      expect(convertValue(yesNo, yes)).toEqual({ kind: "value", value: true });
    for (const no of ["No", "n", "false", "0"])
      expect(convertValue(yesNo, no)).toEqual({ kind: "value", value: false });
    expect(convertValue(yesNo, "maybe")).toMatchObject({ kind: "error" });
  });

  it("reads a choice by value or label whatever the case, and dates written either way", () => {
    const rag = of({
      kind: "choice",
      options: [
        { value: "red", label: "Red" },
        { value: "amber-plus", label: "Amber (improving)" },
      ],
    });
    expect(convertValue(rag, "AMBER (IMPROVING)")).toEqual({ kind: "value", value: "amber-plus" });
    expect(convertValue(rag, "Red")).toEqual({ kind: "value", value: "red" });
    const date = of({ kind: "date" });
    expect(convertValue(date, "31/03/2024")).toEqual({ kind: "value", value: "2024-03-31" });
    expect(convertValue(date, "2024-02-30")).toMatchObject({ kind: "error" });
  });

  it("shows a value as a person reads it", () => {
    expect(formatValue(of({ kind: "number", unit: "%", decimals: 1 }), 5.25)).toBe("5.3%");
    expect(formatValue(of({ kind: "number", unit: "£" }), 125000)).toBe("£125,000");
    expect(formatValue(of({ kind: "boolean", trueLabel: "Done" }), true)).toBe("Done");
    expect(formatValue(percent, null)).toBe("No value");
  });
});
