/** Every row of a paged list, fetched page by page (for "Download as CSV" of a whole filtered list). */
export async function fetchAllPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
  limit = 1000,
): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await fetchPage(offset, limit);
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) return rows;
  }
}
