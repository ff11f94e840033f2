// The DBaaS sandbox as a client meets it over HTTP: Bearer tokens and their scopes, the
// document's errors and rules, provisioning then running, credentials only once running, and a
// delete that takes a moment. Instances are emulated (dbaas-instances.ts) but for the last test,
// which has a real MariaDB behind the sandbox.
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDbaasSandbox, type DbaasSandbox } from "./dbaas";
import { startMariaDB, type MariaDB } from "./mariadb";

let sandbox: DbaasSandbox;

beforeAll(async () => {
  sandbox = await startDbaasSandbox({ provisioningMs: 100, deleteMs: 50, redis: false });
});

afterAll(async () => {
  await sandbox?.close();
});

async function call(method: string, path: string, body?: unknown, token: string | null = sandbox.token) {
  const response = await fetch(`${sandbox.url}/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const valid = { name: "Main Postgres", db_type: "postgresql", plan_id: "db-s-2vcpu-4gb", region: "nyc1" };

describe("the DBaaS sandbox", () => {
  it("answers 401 without a token or with an unknown one, 403 on a write with a read-only token", async () => {
    expect(await call("GET", "/databases", undefined, null)).toEqual({ status: 401, body: { error: "unauthorized" } });
    expect((await call("GET", "/databases", undefined, "nope")).status).toBe(401);
    expect((await call("GET", "/databases", undefined, sandbox.readOnlyToken)).status).toBe(200);
    expect(await call("POST", "/databases", valid, sandbox.readOnlyToken)).toEqual({ status: 403, body: { error: "forbidden: this token lacks the databases:write scope" } });
    expect(sandbox.store.size).toBe(0);
  });

  it.each([
    [{ ...valid, name: undefined }, "name is required"],
    [{ ...valid, db_type: "oracle" }, "db_type must be one of postgresql, mysql, redis, mongodb"],
    [{ ...valid, version: "13" }, 'version "13" is not supported for postgresql (supported: 14, 15, 16)'],
    [{ ...valid, plan_id: "" }, "plan_id is required"],
    [{ ...valid, region: 5 }, "region must be a string"],
    [{ ...valid, storage_gb: 0 }, "storage_gb must be a positive integer"],
    [{ ...valid, replicas: 1.5 }, "replicas must be a positive integer"],
  ])("refuses %j with 400", async (body, error) => {
    expect(await call("POST", "/databases", body)).toEqual({ status: 400, body: { error } });
  });

  it("creates a database provisioning, then running with credentials; 409 for credentials before; delete takes a moment", async () => {
    const created = await call("POST", "/databases", valid);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^db_[0-9a-f]{8}$/), name: "Main Postgres", db_type: "postgresql", status: "provisioning", created_at: expect.any(String) });
    const id = created.body.id;
    expect((await call("GET", `/databases/${id}/credentials`)).status).toBe(409);
    await wait(200);
    const shown = await call("GET", `/databases/${id}`);
    expect(shown.body).toEqual({
      id, project_id: "proj_default", name: "Main Postgres", slug: "main-postgres", db_type: "postgresql", version: "16",
      plan_id: "db-s-2vcpu-4gb", status: "running", region: "nyc1", storage_gb: 10, replicas: 1, created_at: created.body.created_at,
    });
    const credentials = await call("GET", `/databases/${id}/credentials`);
    expect(credentials.body).toMatchObject({ host: "127.0.0.1", username: expect.any(String), password: expect.any(String), ssl_mode: "require" });
    expect((await call("GET", "/databases")).body).toEqual([shown.body]);
    expect((await call("DELETE", `/databases/${id}`)).status).toBe(204);
    expect((await call("GET", `/databases/${id}`)).status).toBe(200);
    await wait(150);
    expect(await call("GET", `/databases/${id}`)).toEqual({ status: 404, body: { error: "database not found" } });
    expect((await call("DELETE", `/databases/${id}`)).status).toBe(404);
  });

  it("ends in error when asked, with no credentials", async () => {
    sandbox.failNextProvisioning();
    const { body } = await call("POST", "/databases", { ...valid, db_type: "redis" });
    await wait(200);
    expect((await call("GET", `/databases/${body.id}`)).body.status).toBe("error");
    expect((await call("GET", `/databases/${body.id}/credentials`)).status).toBe(409);
    await call("DELETE", `/databases/${body.id}`);
  });
});

describe("the DBaaS sandbox with a real MariaDB behind it", () => {
  let mariadb: MariaDB;
  let real: DbaasSandbox;

  beforeAll(async () => {
    mariadb = await startMariaDB();
    real = await startDbaasSandbox({ provisioningMs: 0, deleteMs: 0, redis: false, mariadb });
  });

  afterAll(async () => {
    await real?.close();
    await mariadb?.stop();
  });

  it("answers 404 for a deleted database only once its database and user are gone from the server", async () => {
    const ask = (method: string, path: string, body?: unknown) =>
      fetch(`${real.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${real.token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const { id } = await (await ask("POST", "/databases", { ...valid, db_type: "mysql", version: undefined })).json();
    let answer: Response;
    while ((answer = await ask("GET", `/databases/${id}/credentials`)).status === 409) await wait(5);
    const credentials = await answer.json();
    // A client still in a transaction on one of its tables holds the drop back, as on a busy server.
    const client = await mysql.createConnection({ host: credentials.host, port: credentials.port, user: credentials.username, password: credentials.password, database: credentials.database });
    try {
      await client.query("CREATE TABLE t (id INT)");
      await client.beginTransaction();
      await client.query("SELECT * FROM t");
      expect((await ask("DELETE", `/databases/${id}`)).status).toBe(204);
      await wait(300);
      expect((await ask("GET", `/databases/${id}`)).status).toBe(200);
    } finally {
      await client.end();
    }
    while ((await ask("GET", `/databases/${id}`)).status !== 404) await wait(5);
    expect([await mariadb.userExists(credentials.username), await mariadb.databaseExists(credentials.database)]).toEqual([false, false]);
  });

});
