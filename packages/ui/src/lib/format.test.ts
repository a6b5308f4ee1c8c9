import { describe, expect, it } from "vitest";

import { answerText } from "./format.ts";

describe("answerText", () => {
  it("shows an answer to a policy's field as a person would read it", () => {
    expect(answerText("A parent's complaint")).toBe("A parent's complaint");
    expect(answerText(3)).toBe("3");
    expect(answerText(true)).toBe("Yes");
    expect(answerText(false)).toBe("No");
    expect(answerText(["ofsted", "parent"])).toBe("ofsted, parent");
    expect(answerText({ name: "A" })).toBe('{"name":"A"}');
    expect(answerText(null)).toBe("");
    expect(answerText(undefined)).toBe("");
  });
});
