import "server-only";

// Keyset pagination for exports and backups (issue 15, item 13): each page starts after the last
// row of the one before, in an order whose last key is unique, so a page costs the same wherever it
// is and rows with equal sort keys are neither skipped nor repeated at a page boundary.

/**
 * Rows per page of an export. On the embedded database a query runs on the server's one thread:
 * a page of 5,000 observations took 400–600 ms there at 1,000,000 rows (bench/exports.ts), and
 * every other request waited for it; a page of 1,000 takes 50–150 ms.
 */
export const EXPORT_PAGE_SIZE = 1_000;

/** Sort keys, the last one unique; none may be null. */
export type KeyOrder = readonly (readonly [string, "asc" | "desc"])[];

export const orderByOf = (order: KeyOrder) => order.map(([key, dir]) => ({ [key]: dir }));

/**
 * The rows strictly after `last` in this order, as a Prisma where: (a > x) or (a = x and b > y) …,
 * with a ≥ x in front so that an index on the first key bounds the scan.
 */
export function afterRow(order: KeyOrder, last: Record<string, unknown>): Record<string, unknown> {
  const op = (dir: "asc" | "desc", strict: boolean) =>
    dir === "asc" ? (strict ? "gt" : "gte") : strict ? "lt" : "lte";
  const [first, firstDir] = order[0]!;
  const branches = order.map(([key, dir], i) => ({
    ...Object.fromEntries(order.slice(0, i).map(([k]) => [k, last[k]])),
    [key]: { [op(dir, true)]: last[key] },
  }));
  return { AND: [{ [first]: { [op(firstDir, false)]: last[first] } }, { OR: branches }] };
}

/**
 * Every row of a query, page by page: `page(last, take)` reads up to `take` rows after `last`, the
 * final row of the page before (undefined for the first page), so an order that keysetPages cannot
 * express (an enum's declared order, nulls last) pages the same way.
 */
export async function* pagesAfter<T>(
  page: (last: T | undefined, take: number) => Promise<T[]>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  let last: T | undefined;
  for (;;) {
    const rows = await page(last, pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1]!;
  }
}

/**
 * Every row of a query, page by page: `page(after, take)` reads up to `take` rows after the given
 * where (undefined for the first page), in `order`, selecting at least the keys.
 */
export function keysetPages<T extends Record<string, unknown>>(
  order: KeyOrder,
  page: (after: Record<string, unknown> | undefined, take: number) => Promise<T[]>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  return pagesAfter<T>((last, take) => page(last && afterRow(order, last), take), pageSize);
}
