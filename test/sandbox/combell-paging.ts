// Paging, on every list the emulator serves: `skip` and `take` in the query,
// answered with X-Paging-Skipped (what was skipped), X-Paging-Take (how many
// items this answer really holds, which may be fewer than asked) and
// X-Paging-TotalResults (all matches). A take above the sandbox's page size is
// cut to it, as the real API may return fewer than asked: a provider that
// assumes one request fetches everything it asked for shows up here.
import { reply, type Query, type Reply } from "./base";
import { invalid } from "./combell-errors";

export const DEFAULT_TAKE = 25;

/** One value of a query parameter; a repeated one is a 400, not a guess. */
export function queryValue(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw invalid(name, "invalid_value", "was given more than once.");
  return value;
}

function queryInteger(query: Query, name: string, min: number): number | undefined {
  const text = queryValue(query, name);
  if (text === undefined) return undefined;
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) > 2_147_483_647) {
    throw invalid(name, "invalid_type", `must be a whole number (got "${text.slice(0, 32)}").`);
  }
  const value = Number(text);
  if (value < min) throw invalid(name, "out_of_range", `must be at least ${min} (got ${value}).`);
  return value;
}

export interface PagingOptions {
  /** The most items one answer holds. */
  pageSize: number;
}

export function paged<T, V>(items: readonly T[], query: Query, options: PagingOptions, view: (item: T) => V): Reply {
  const skip = queryInteger(query, "skip", 0) ?? 0;
  const asked = queryInteger(query, "take", 1) ?? Math.min(DEFAULT_TAKE, options.pageSize);
  const take = Math.min(asked, options.pageSize);
  const page = items.slice(skip, skip + take).map(view);
  return reply(200, page, {
    "X-Paging-Skipped": String(skip),
    "X-Paging-Take": String(page.length),
    "X-Paging-TotalResults": String(items.length),
  });
}
