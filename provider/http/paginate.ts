export interface Page<T, C> {
  items: T[];
  /** The cursor of the next page; absent on the last page. */
  next?: C;
}

/**
 * Items of every page, fetched lazily: a caller looking for one item stops fetching
 * when it finds it. Stops when a page names no next cursor, or names one it already
 * visited (an API stuck on a page would otherwise loop forever).
 */
export async function* paginate<T, C>(
  fetchPage: (cursor: C | undefined) => Promise<Page<T, C>>,
): AsyncGenerator<T, void, undefined> {
  const visited = new Set<string>();
  let cursor: C | undefined = undefined;
  for (;;) {
    const page: Page<T, C> = await fetchPage(cursor);
    yield* page.items;
    if (page.next === undefined) return;
    const key = JSON.stringify(page.next);
    if (visited.has(key)) return;
    visited.add(key);
    cursor = page.next;
  }
}

export async function collect<T>(items: AsyncIterable<T>, limit = Infinity): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

export interface OffsetPage<T> {
  items: T[];
  /** Response headers; only the X-Paging-* ones are read, in any case. */
  headers?: Record<string, string | undefined>;
}

export interface OffsetPagesOptions {
  /** Page size to ask for. Default 25, the reseller API's own default. */
  take?: number;
}

function numberHeader(headers: Record<string, string | undefined> | undefined, name: string): number | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    const n = Number(value.trim());
    return value.trim() !== "" && Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/**
 * Items of a skip/take listing. Reads `X-Paging-Skipped`, `X-Paging-Take` and
 * `X-Paging-TotalResults` when the API sends them, and also stops on a short or empty
 * page. Some APIs ignore the paging parameters and answer every request with the same
 * full list; that is detected (the API reports a different skip, or repeats the previous
 * page) so the list is neither duplicated nor fetched forever.
 */
export function offsetPages<T>(
  fetchPage: (skip: number, take: number) => Promise<OffsetPage<T>>,
  options: OffsetPagesOptions = {},
): AsyncGenerator<T, void, undefined> {
  const take = options.take ?? 25;
  let previousPage: string | undefined;
  return paginate<T, number>(async (cursor) => {
    const skip = cursor ?? 0;
    const page = await fetchPage(skip, take);
    const items = page.items;
    const reportedSkip = numberHeader(page.headers, "x-paging-skipped");
    if (skip > 0 && reportedSkip !== undefined && reportedSkip !== skip) return { items: [] };
    const fingerprint = JSON.stringify(items);
    if (skip > 0 && fingerprint === previousPage) return { items: [] };
    previousPage = fingerprint;

    // The server may cap the page size below what we asked for; a page of its size is full.
    const reportedTake = numberHeader(page.headers, "x-paging-take");
    const pageSize = reportedTake ?? take;
    const total = numberHeader(page.headers, "x-paging-totalresults");
    const seen = skip + items.length;
    // A known total decides: a page may be shorter than take while more follow.
    const last =
      items.length === 0 ||
      (total !== undefined ? seen >= total : items.length < pageSize) ||
      // More than asked for and no paging headers: the API ignored `take` and sent everything.
      (items.length > take && reportedTake === undefined && total === undefined);
    return last ? { items } : { items, next: seen };
  });
}
