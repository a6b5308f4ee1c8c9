import { describe, expect, it } from "vitest";

import { fetchAllPages } from "./all-pages.ts";

describe("fetchAllPages", () => {
  const rows = Array.from({ length: 5 }, (_, i) => i);
  const fetchPage = (offset: number, limit: number) =>
    Promise.resolve({ items: rows.slice(offset, offset + limit), total: rows.length });

  it("joins the pages until it has the total", async () => {
    expect(await fetchAllPages(fetchPage, 2)).toEqual([0, 1, 2, 3, 4]);
  });

  it("stops at an empty page even if the total said there were more", async () => {
    expect(await fetchAllPages((o, l) => fetchPage(o, l).then((p) => ({ ...p, total: 99 })), 2)).toEqual(rows);
  });
});
