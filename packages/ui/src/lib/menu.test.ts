import { describe, expect, it } from "vitest";

import { canSee, redirectFromHome, type NavigationItem } from "./menu.ts";

const portal: NavigationItem[] = [
  { to: "/", label: "Your school", needs: ["read School"], end: true },
  { to: "/visits", label: "Visits", needs: ["read Visit"] },
  { to: "/letters", label: "Letters", needs: ["read Letter"] },
  { to: "/history", label: "History", needs: ["read Case"] },
];

describe("the menu follows what the user may read", () => {
  const clerk = { can: ["read Letter"] };
  const head = { can: ["read School", "read Visit", "read Letter", "read Case"] };

  it("shows a clerk who reads only letters only the letters", () => {
    expect(portal.filter((item) => canSee(clerk, item.needs)).map((i) => i.label)).toEqual(["Letters"]);
    expect(portal.filter((item) => canSee({ can: ["read all"] }, item.needs))).toHaveLength(4);
  });

  it("sends them from the home page they may not see to the first page they may", () => {
    expect(redirectFromHome(clerk, portal, "/")).toBe("/letters");
    expect(redirectFromHome(clerk, portal, "/letters")).toBeUndefined();
    expect(redirectFromHome(head, portal, "/")).toBeUndefined();
    expect(redirectFromHome({ can: [] }, portal, "/")).toBeUndefined();
  });
});
