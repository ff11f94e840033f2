// The WisPanel sandbox on its own, called directly: HTTPS only with its CA, Bearer keys, the
// document's routes and errors in both shapes, owner prefixes and access, and 60 requests per
// window and key with X-RateLimit-Reset as a Unix timestamp.
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWisPanelSandbox, type WisPanelSandbox } from "./wispanel";
import { wispanelClient } from "./wispanel-test-client";

let sandbox: WisPanelSandbox;
let call: ReturnType<typeof wispanelClient>;

beforeAll(async () => {
  sandbox = await startWisPanelSandbox({ users: [{ username: "john" }, { username: "root", role: "admin" }], rateLimit: { limit: 60, windowMs: 3000 } });
  call = wispanelClient(sandbox);
});

afterAll(async () => {
  await call?.close();
  await sandbox?.close();
});

describe("the WisPanel sandbox", () => {
  it("serves HTTPS that only its CA vouches for", async () => {
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const agent = new Agent();
    try {
      await expect(request(`${sandbox.url}/api/v1/databases`, { dispatcher: agent })).rejects.toThrow(/certificate/);
    } finally {
      await agent.close();
    }
    expect((await call("GET", "/databases")).status).toBe(200);
  });

  it("answers a missing or unknown key with 401 in the newer shape", async () => {
    expect(await call("GET", "/databases", undefined, null)).toMatchObject({
      status: 401,
      body: { success: false, code: "UNAUTHORIZED", error: "Missing authorization", message: "Missing authorization", status: 401 },
    });
    expect((await call("GET", "/databases", undefined, "wsp_0000")).status).toBe(401);
  });

  it("prefixes name and user with the owner, refuses what the document refuses, and keeps others out", async () => {
    const created = await call("POST", "/databases", { name: "mydb", user: "mydb_user", password: "secure_password123", domain: "example.com" });
    expect(created).toMatchObject({ status: 201, body: { id: "john_mydb", name: "john_mydb", user: "john_mydb_user", owner: "john" } });
    expect((await call("GET", "/databases/john_mydb")).body).toMatchObject({ domain: "example.com", remote_access: false, remote_host: "", size_kb: 0 });
    expect((await call("POST", "/databases", { name: "mydb", user: "other", password: "x" })).status).toBe(409);
    expect((await call("POST", "/databases", { name: "my-db", user: "u", password: "x" })).body).toMatchObject({ status: 400, error: "Invalid database name (only [a-zA-Z0-9_] allowed)" });
    expect((await call("GET", "/databases/john_nothing")).status).toBe(404);
    expect((await call("PUT", "/databases/john_mydb", { remote_access: true, remote_host: "10.0.0.5" })).body).toMatchObject({ remote_access: true, remote_host: "10.0.0.5" });
    expect((await call("POST", "/databases/john_mydb/reset-password", { password: "new_secure_password" })).status).toBe(200);
    expect(sandbox.store.get("john_mydb")!.password).toBe("new_secure_password");
    const login = await call("POST", "/databases/john_mydb/phpmyadmin");
    expect(login.body.url).toBe(`http://localhost:8080/pma/?token=${login.body.token}`);
    // The admin sees everyone's; a user only their own.
    expect((await call("GET", "/databases", undefined, sandbox.tokens.root)).body.map((d: { id: string }) => d.id)).toEqual(["john_mydb"]);
    const rootOwn = await call("POST", "/databases", { name: "adm", user: "adm", password: "x" }, sandbox.tokens.root);
    expect(rootOwn.body.id).toBe("root_adm");
    expect((await call("GET", "/databases/root_adm")).status).toBe(403);
    expect((await call("DELETE", "/databases/root_adm", undefined, sandbox.tokens.root)).status).toBe(200);
    expect((await call("DELETE", "/databases/john_mydb")).status).toBe(200);
    expect((await call("DELETE", "/databases/john_mydb")).status).toBe(404);
  });

  it("counts 60 requests per window and key, with X-RateLimit-Reset as a Unix timestamp, then 429", async () => {
    sandbox.rateLimiter.clear();
    const answers = [];
    for (let i = 0; i < 61; i++) answers.push(await call("GET", "/databases"));
    const first = answers[0]!.headers;
    expect(first["x-ratelimit-limit"]).toBe("60");
    expect(first["x-ratelimit-remaining"]).toBe("59");
    const reset = Number(first["x-ratelimit-reset"]);
    expect(reset * 1000).toBeGreaterThan(Date.now());
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 4000);
    expect(answers[59]!.headers["x-ratelimit-remaining"]).toBe("0");
    expect(answers[60]).toMatchObject({ status: 429, body: { success: false, code: "RATE_LIMITED" } });
    // Another key has a window of its own.
    expect((await call("GET", "/databases", undefined, sandbox.tokens.root)).status).toBe(200);
  });
});

describe("a sandbox in the older error shape", () => {
  it("answers validation errors with 422 and details per field", async () => {
    const older = await startWisPanelSandbox({ errorShape: "older" });
    const client = wispanelClient(older);
    try {
      expect(await client("POST", "/databases", { name: "bad name", user: "", password: "" })).toMatchObject({
        status: 422,
        body: {
          error: {
            code: "VALIDATION_ERROR",
            message: "The given data was invalid.",
            details: { name: ["Invalid database name (only [a-zA-Z0-9_] allowed)"], user: ["Database user is required"], password: ["Password is required"] },
          },
        },
      });
      expect((await client("GET", "/databases/john_x")).body).toEqual({ error: { code: "NOT_FOUND", message: "Database not found" } });
    } finally {
      await client.close();
      await older.close();
    }
  });
});
