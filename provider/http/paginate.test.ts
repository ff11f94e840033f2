import { afterEach, describe, expect, it } from "vitest";
import { HttpClient } from "./client";
import { collect, offsetPages, paginate } from "./paginate";
import { sendJson, startServer, type TestServer } from "../../test/support/http-test-server";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("paginate", () => {
  it("follows cursors until a page has none", async () => {
    const pages: Record<string, { items: number[]; next?: string }> = {
      start: { items: [1, 2], next: "b" },
      b: { items: [3], next: "c" },
      c: { items: [4] },
    };
    const seen: Array<string | undefined> = [];
    const items = await collect(
      paginate<number, string>(async (cursor) => {
        seen.push(cursor);
        return pages[cursor ?? "start"]!;
      }),
    );
    expect(items).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual([undefined, "b", "c"]);
  });

  it("fetches lazily: a consumer that stops early stops the fetching", async () => {
    let fetched = 0;
    const found = await collect(
      paginate<number, number>(async (cursor) => {
        fetched++;
        const start = cursor ?? 0;
        return { items: [start, start + 1], next: start + 2 };
      }),
      3,
    );
    expect(found).toEqual([0, 1, 2]);
    expect(fetched).toBe(2);
  });

  it("stops when the API hands out a cursor it already gave", async () => {
    let fetched = 0;
    const items = await collect(
      paginate<string, string>(async () => {
        fetched++;
        return { items: [`x${fetched}`], next: "same" };
      }),
    );
    expect(items).toEqual(["x1", "x2"]);
  });
});

describe("offsetPages against a skip/take API", () => {
  type Item = { id: number };
  const all: Item[] = Array.from({ length: 60 }, (_, i) => ({ id: i + 1 }));

  async function listing(behaviour: "paged" | "capped" | "ignores-paging" | "ignores-paging-exactly-take" | "no-headers") {
    const server = await startServer((req, res) => {
      const url = new URL(req.url, "http://x");
      const skip = Number(url.searchParams.get("skip") ?? 0);
      const take = Number(url.searchParams.get("take") ?? 25);
      if (behaviour === "ignores-paging") return sendJson(res, 200, all.slice(0, 30));
      if (behaviour === "ignores-paging-exactly-take") return sendJson(res, 200, all.slice(0, 25), { "x-paging-skipped": "0" });
      const effectiveTake = behaviour === "capped" ? Math.min(take, 20) : take;
      const page = all.slice(skip, skip + effectiveTake);
      if (behaviour === "no-headers") return sendJson(res, 200, page);
      sendJson(res, 200, page, {
        "X-Paging-Skipped": String(skip),
        "X-Paging-Take": String(effectiveTake),
        "X-Paging-TotalResults": String(all.length),
      });
    });
    servers.push(server);
    const client = new HttpClient({ apiName: "Combell", baseUrl: `${server.origin}/v2`, authorize: () => {} });
    const items = await collect(
      offsetPages<Item>(async (skip, take) => {
        const response = await client.get<Item[]>("/accounts", { query: { skip, take } });
        return { items: response.body, headers: response.headers };
      }),
    );
    return { items, requests: server.requests.map((r) => r.url) };
  }

  it("walks the pages the paging headers describe", async () => {
    const { items, requests } = await listing("paged");
    expect(items).toEqual(all);
    expect(requests).toEqual(["/v2/accounts?skip=0&take=25", "/v2/accounts?skip=25&take=25", "/v2/accounts?skip=50&take=25"]);
  });

  it("follows a server that caps the page size below what was asked", async () => {
    const { items, requests } = await listing("capped");
    expect(items).toEqual(all);
    expect(requests).toHaveLength(3);
  });

  it("stops on a short page when there are no headers", async () => {
    const { items, requests } = await listing("no-headers");
    expect(items).toEqual(all);
    expect(requests).toHaveLength(3);
  });

  it("takes an over-long answer without headers as the whole list", async () => {
    const { items, requests } = await listing("ignores-paging");
    expect(items).toEqual(all.slice(0, 30));
    expect(requests).toHaveLength(1);
  });

  it("does not duplicate items when the API ignores skip and repeats the same full page", async () => {
    const { items, requests } = await listing("ignores-paging-exactly-take");
    expect(items).toEqual(all.slice(0, 25));
    expect(requests).toHaveLength(2);
  });

  it("detects a repeated page even without paging headers", async () => {
    let calls = 0;
    const items = await collect(
      offsetPages<number>(async () => {
        calls++;
        return { items: [1, 2, 3] };
      }, { take: 3 }),
    );
    expect(items).toEqual([1, 2, 3]);
    expect(calls).toBe(2);
  });

  it("follows a total that says more come after a page shorter than take", async () => {
    const all = Array.from({ length: 60 }, (_, i) => i);
    const skips: number[] = [];
    const items = await collect(
      offsetPages<number>(async (skip) => {
        skips.push(skip);
        return { items: all.slice(skip, skip + 10), headers: { "X-Paging-TotalResults": "60" } };
      }, { take: 25 }),
    );
    expect(items).toEqual(all);
    expect(skips).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("handles an empty listing with one request", async () => {
    let calls = 0;
    const items = await collect(
      offsetPages<number>(async () => {
        calls++;
        return { items: [], headers: { "x-paging-totalresults": "0" } };
      }),
    );
    expect(items).toEqual([]);
    expect(calls).toBe(1);
  });
});
