import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchange, MAX_ERROR_BODY_BYTES } from "./exchange";

let server: Server;
let base: string;
/** Answers held open by /hang, ended by afterAll. */
const hanging: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, "http://x");
    if (url.pathname === "/big") {
      response.writeHead(Number(url.searchParams.get("status")), { "content-type": "text/plain", "x-answer": "big" });
      // 10 MB in 1 MB pieces, as far as the client reads.
      let left = 10;
      const more = () => {
        while (left-- > 0) if (!response.write("y".repeat(1024 * 1024))) return void response.once("drain", more);
        response.end();
      };
      more();
      return;
    }
    if (url.pathname === "/hang") return void hanging.push(response);
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      response.writeHead(201, { "content-type": "application/json" });
      response.end(JSON.stringify({ method: request.method, path: request.url, body, header: request.headers["x-test"] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe("exchange", () => {
  it("sends method, path with query, headers and body, and answers status, lowercased headers and the body", async () => {
    const agent = new Agent();
    const { answer } = exchange(agent, { url: new URL(`${base}/v1/things?page=2`), method: "POST", headers: { "X-Test": "yes" }, body: '{"a":1}' });
    const got = await answer;
    expect(got.status).toBe(201);
    expect(got.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(got.text)).toEqual({ method: "POST", path: "/v1/things?page=2", body: '{"a":1}', header: "yes" });
    await agent.close();
  });

  it("reads a success's body whole, however long", async () => {
    const agent = new Agent();
    const got = await exchange(agent, { url: new URL(`${base}/big?status=200`), method: "GET", headers: {}, body: undefined }).answer;
    expect(got.text.length).toBe(10 * 1024 * 1024);
    await agent.close();
  });

  it("reads an error answer only to its first 64 KiB and drops that connection", async () => {
    const agent = new Agent();
    const got = await exchange(agent, { url: new URL(`${base}/big?status=502`), method: "GET", headers: {}, body: undefined }).answer;
    expect(got.status).toBe(502);
    expect(got.headers["x-answer"]).toBe("big");
    expect(got.text).toBe("y".repeat(MAX_ERROR_BODY_BYTES));
    // The aborted connection is not reused: the next request still gets its whole answer.
    expect((await exchange(agent, { url: new URL(`${base}/next`), method: "GET", headers: {}, body: undefined }).answer).status).toBe(201);
    await agent.close();
  });

  it("rejects with the reason as soon as it is aborted, also while waiting for the answer", async () => {
    const agent = new Agent();
    const sent = exchange(agent, { url: new URL(`${base}/hang`), method: "GET", headers: {}, body: undefined });
    setTimeout(() => sent.abort(new Error("given up")), 50);
    const started = Date.now();
    await expect(sent.answer).rejects.toThrow("given up");
    expect(Date.now() - started).toBeLessThan(1000);
    await agent.destroy();
  });

  it("rejects at once when aborted while still queued for a connection", async () => {
    // One connection, held by a request that never gets its answer: the second one waits for it.
    const agent = new Agent({ connections: 1 });
    const first = exchange(agent, { url: new URL(`${base}/hang`), method: "GET", headers: {}, body: undefined });
    const queued = exchange(agent, { url: new URL(`${base}/next`), method: "GET", headers: {}, body: undefined });
    queued.abort(new Error("cancelled while queued"));
    await expect(queued.answer).rejects.toThrow("cancelled while queued");
    first.abort(new Error("done"));
    await expect(first.answer).rejects.toThrow("done");
    await agent.destroy();
  });

  it("fails with undici's error when nothing listens", async () => {
    const agent = new Agent();
    const failure = await exchange(agent, { url: new URL("http://127.0.0.1:1/"), method: "GET", headers: {}, body: undefined }).answer.catch((e: unknown) => e);
    expect((failure as { code?: string }).code ?? (failure as { cause?: { code?: string } }).cause?.code).toMatch(/ECONNREFUSED|UND_ERR/);
    await agent.close();
  });
});
