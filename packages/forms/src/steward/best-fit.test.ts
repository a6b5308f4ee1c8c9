import { describe, expect, it } from "vitest";

import { bestFitFixture } from "../testing/fixtures.ts";
import { suggestBestFit } from "./best-fit.ts";
import { getTagClassName } from "./tag-colour.ts";

const { categories } = bestFitFixture;

describe("suggestBestFit", () => {
  it("suggests nothing when nothing is ticked", () => {
    expect(suggestBestFit([], categories)).toBeUndefined();
    expect(suggestBestFit([{ area: "leadership", descriptors: [], evidence: "Notes" }], categories)).toBeUndefined();
  });

  it("suggests the category with the most ticks across all areas", () => {
    const judgements = [
      {
        area: "leadership",
        descriptors: [
          { category: "low", descriptor: "strong" },
          { category: "low", descriptor: "vision" },
        ],
      },
      { area: "quality", descriptors: [{ category: "high", descriptor: "poor" }] },
    ];
    expect(suggestBestFit(judgements, categories)).toBe("low");
  });

  it("breaks a tie towards the more severe category", () => {
    const judgements = [
      {
        area: "leadership",
        descriptors: [
          { category: "low", descriptor: "strong" },
          { category: "high", descriptor: "weak" },
        ],
      },
      { area: "quality", descriptors: [{ category: "medium", descriptor: "inconsistent" }] },
    ];
    expect(suggestBestFit(judgements, categories)).toBe("high");
    expect(suggestBestFit(judgements, [...categories].reverse())).toBe("high");
  });
});

describe("getTagClassName", () => {
  it("maps policy colours to GOV.UK Frontend 6 tag classes", () => {
    expect(getTagClassName("red")).toBe("govuk-tag govuk-tag--red");
    expect(getTagClassName("blue")).toBe("govuk-tag");
    expect(getTagClassName("light-blue")).toBe("govuk-tag govuk-tag--teal");
  });
});
