// The DBaaS Database through the real plugin process over gRPC, against the DBaaS sandbox with
// real PostgreSQL, MariaDB and Redis servers behind it, on the shared lifecycle table
// (test/support/lifecycle.ts). Every input replaces a database: each kind of input is replaced
// once, and the preview says that the data goes with it.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Props } from "../harness/plugin";
import { redisCanLogin, redisCommand } from "../sandbox/redis";
import { startDbaasEnvironment, type DbaasEnvironment } from "../support/dbaas-environment";
import { unexercisedEndpoints } from "../support/documented-endpoints";
import { describeLifecycle } from "../support/lifecycle";
import { isSecret, reveal } from "../support/secrets";

const DATABASE = "hosting:dbaas:Database";
const CREDENTIALS = ["host", "port", "username", "password", "database", "sslMode", "connectionString"];

let env: DbaasEnvironment;

beforeAll(async () => {
  env = await startDbaasEnvironment();
});

afterAll(async () => {
  await env?.stop();
});

const world = () => env;
const store = () => env.sandbox.store;
const api = (method: string, path: string, body?: unknown) =>
  fetch(`${env.sandbox.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${env.sandbox.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const postgresDb = (extra: Props = {}): Props => ({ name: "main-postgres", dbType: "postgresql", planId: "db-s-2vcpu-4gb", region: "nyc1", ...extra });
const warningsOf = (from: number) => env.plugin.logs.slice(from).filter((l) => l.severity === "warning").map((l) => l.message);

/** Logs in with the credentials of a state through psql and runs a statement. */
async function postgresLogin(outputs: Props): Promise<string> {
  const c = reveal(outputs);
  expect(c.host).toBe(env.postgres.host);
  expect(c.port).toBe(env.postgres.port);
  return env.postgres.runAs(c.username, c.password, c.database, "CREATE TABLE t (x int); INSERT INTO t VALUES (42); SELECT x FROM t");
}

let current: Props = postgresDb();

describeLifecycle({
  type: DATABASE,
  name: "main",
  world,
  create: {
    inputs: () => (current = postgresDb()),
    verify: async (state) => {
      expect(state.id).toMatch(/^db_[0-9a-f]{8}$/);
      // The defaults: the newest PostgreSQL of the document's table, 10 GB, one replica.
      expect(state.inputs).toMatchObject({ version: "16", storageGb: 10, replicas: 1 });
      expect(store().get(state.id)).toMatchObject({ name: "main-postgres", db_type: "postgresql", version: "16", plan_id: "db-s-2vcpu-4gb", region: "nyc1", storage_gb: 10, replicas: 1, status: "running" });
      expect(state.outputs).toMatchObject({ status: "running", slug: "main-postgres", projectId: "proj_default" });
      expect(state.outputs.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      for (const key of CREDENTIALS) expect(isSecret(state.outputs[key]), key).toBe(true);
      expect(reveal(state.outputs.sslMode)).toBe("prefer");
      expect(reveal(state.outputs.connectionString)).toMatch(/^postgresql:\/\//);
      expect(await postgresLogin(state.outputs)).toBe("42");
      // Created, then followed from provisioning to running with GETs.
      const gets = env.sandbox.requests.filter((r) => r.method === "GET" && r.path === `/api/v1/databases/${state.id}`);
      expect(gets.length).toBeGreaterThanOrEqual(1);
      expect(env.sandbox.requests.some((r) => r.path === `/api/v1/databases/${state.id}/credentials`)).toBe(true);
    },
  },
  steps: [
    {
      title: "a preview of any change shows a replacement and warns that the data is destroyed",
      run: async (ctx) => {
        const before = env.plugin.logs.length;
        const preview = await ctx.up({ ...ctx.state().inputs, storageGb: 20 }, { preview: true });
        expect(preview.op).toBe("replace");
        expect(preview.diff!.detailedDiff).toEqual({ storageGb: "update-replace" });
        expect(warningsOf(before)).toContainEqual(expect.stringMatching(/will replace DBaaS database main-postgres \(storageGb changed.*all its data are permanently destroyed.*protect: true/));
        expect(store().get(ctx.id())!.storage_gb).toBe(10);
      },
    },
    {
      title: "refresh finds a change made outside Pulumi (resized and stopped), and the next up would replace it",
      run: async (ctx) => {
        const id = ctx.id();
        expect((await api("PATCH", `/databases/${id}`, { storage_gb: 40, status: "stopped" })).status).toBe(200);
        const refreshed = await env.deployment.refresh(ctx.state().urn);
        expect(refreshed.state!.outputs).toMatchObject({ status: "stopped", storageGb: 40 });
        const preview = await ctx.up(current, { preview: true });
        expect(preview.op).toBe("replace");
        expect(preview.diff!.detailedDiff).toEqual({ storageGb: "update-replace" });
        // Put back as the program has it: refresh shows no change any more.
        expect((await api("PATCH", `/databases/${id}`, { storage_gb: 10, status: "running" })).status).toBe(200);
        expect((await env.deployment.refresh(ctx.state().urn)).state!.outputs).toMatchObject({ status: "running" });
        expect((await ctx.up(current)).op).toBe("same");
      },
    },
  ],
  replace: {
    inputs: () => (current = { ...current, dbType: "mysql", version: "8.4" }),
    diff: { dbType: "update-replace", version: "update-replace" },
    deleteBeforeReplace: false,
  },
  deleteOutOfBand: async (id) => {
    expect((await api("DELETE", `/databases/${id}`)).status).toBe(204);
    for (let i = 0; i < 100 && store().has(id); i++) await new Promise((r) => setTimeout(r, 20));
  },
  exists: (id) => store().has(id),
});

describe("every kind of input replaces the database, the new one created first", () => {
  let inputs: Props = postgresDb({ name: "replaced" });
  let id = "";
  const up = (news: Props) => env.deployment.register(DATABASE, "replaced", news);

  it("is created", async () => {
    id = (await up(inputs)).state!.id;
  });

  const changes = [
    ["name", { name: "replaced-2" }],
    ["version", { version: "15" }],
    ["planId", { planId: "db-s-4vcpu-8gb" }],
    ["region", { region: "ams3" }],
    ["storageGb", { storageGb: 25 }],
    ["replicas", { replicas: 2 }],
    ["dbType", { dbType: "redis", version: "7.2" }],
  ] as const;
  for (const [key, change] of changes) {
    it(`when ${key} changes`, async () => {
      inputs = { ...inputs, ...change };
      const step = await up(inputs);
      expect(step.op).toBe("replace");
      expect(step.diff!.detailedDiff).toEqual(key === "dbType" ? { dbType: "update-replace", version: "update-replace" } : { [key]: "update-replace" });
      expect(step.diff!.deleteBeforeReplace).toBe(false);
      expect(step.state!.id).not.toBe(id);
      expect(store().has(id)).toBe(false);
      id = step.state!.id;
      expect(store().get(id)).toMatchObject({ status: "running" });
      if (key !== "dbType") expect(await postgresLogin(step.state!.outputs)).toBe("42");
      expect((await up(inputs)).op).toBe("same");
    });
  }

  it("is deleted", async () => {
    await env.deployment.delete(env.deployment.urn(DATABASE, "replaced"));
    expect(store().has(id)).toBe(false);
  });
});

describe("real logins with the returned credentials", () => {
  it("MySQL (MariaDB): the user logs in to its database and creates a table", async () => {
    const step = await env.deployment.register(DATABASE, "shop", { name: "shop", dbType: "mysql", planId: "db-s-1vcpu-1gb", region: "nyc1" });
    const c = reveal(step.state!.outputs);
    expect(step.state!.inputs.version).toBe("8.4");
    expect(c).toMatchObject({ host: env.mariadb.host, port: env.mariadb.port, sslMode: "PREFERRED" });
    expect(await env.mariadb.canLogin(c.username, c.password, c.database)).toBe(true);
    expect(await env.mariadb.canLogin(c.username, "wrong-password", c.database)).toBe(false);
    // And with the mysql command-line client, the password in MYSQL_PWD rather than on its command line.
    const sql = "CREATE TABLE t (x INT); INSERT INTO t VALUES (42); SELECT x FROM t";
    const { stdout } = await promisify(execFile)("mysql", ["-h", c.host, "-P", String(c.port), "-u", c.username, "-N", "-B", c.database, "-e", sql], {
      env: { ...process.env, MYSQL_PWD: c.password },
    });
    expect(stdout.trim()).toBe("42");
    expect(c.connectionString).toBe(`mysql://${c.username}:${encodeURIComponent(c.password)}@${c.host}:${c.port}/${c.database}`);
    await env.deployment.delete(step.state!.urn);
    expect(await env.mariadb.databaseExists(c.database)).toBe(false);
    expect(await env.mariadb.userExists(c.username)).toBe(false);
  });

  it("Redis: its own redis-server takes the password (no user name), SET and GET work; destroy stops it", async () => {
    const step = await env.deployment.register(DATABASE, "cache", { name: "cache-redis", dbType: "redis", version: "7.0", planId: "db-s-1vcpu-1gb", region: "nyc1" });
    const outputs = step.state!.outputs;
    const c = reveal(outputs);
    expect(c.username).toBeUndefined();
    expect(c.database).toBeUndefined();
    expect(isSecret(outputs.password) && isSecret(outputs.connectionString)).toBe(true);
    expect(c.connectionString).toBe(`redis://:${encodeURIComponent(c.password)}@${c.host}:${c.port}`);
    expect(await redisCanLogin(c.port, c.password)).toBe(true);
    expect(await redisCanLogin(c.port, "wrong-password")).toBe(false);
    expect((await redisCommand(c.port, c.password, "SET", "greeting", "hello")).output).toBe("OK");
    expect((await redisCommand(c.port, c.password, "GET", "greeting")).output).toBe("hello");
    await env.deployment.delete(step.state!.urn);
    expect(env.sandbox.instances.hasRedis(step.state!.id)).toBe(false);
    expect(await redisCanLogin(c.port, c.password)).toBe(false);
  });

  it("MongoDB (emulated: no server exists here) is created and returns its credentials as secrets", async () => {
    const step = await env.deployment.register(DATABASE, "docs", { name: "docs", dbType: "mongodb", planId: "db-s-1vcpu-1gb", region: "nyc1" });
    expect(step.state!.inputs.version).toBe("7.0");
    expect(reveal(step.state!.outputs.connectionString)).toMatch(/^mongodb:\/\//);
    expect(isSecret(step.state!.outputs.password)).toBe(true);
    await env.deployment.delete(step.state!.urn);
  });
});

describe("getDatabases, and nothing left behind", () => {
  it("lists every database as Read sees it, without credentials, filtered by engine", async () => {
    const d = env.deployment;
    await d.register(DATABASE, "listed-pg", postgresDb({ name: "listed-pg" }));
    await d.register(DATABASE, "listed-redis", { name: "listed-redis", dbType: "redis", planId: "db-s-1vcpu-1gb", region: "ams3" });
    const all = await env.plugin.invoke("hosting:dbaas:getDatabases", {});
    expect(all.failures).toEqual([]);
    const names = (all.result.databases as { name: string }[]).map((x) => x.name).sort();
    expect(names).toEqual(["listed-pg", "listed-redis"]);
    const redis = await env.plugin.invoke("hosting:dbaas:getDatabases", { dbType: "redis" });
    expect(redis.result.databases).toEqual([
      expect.objectContaining({ name: "listed-redis", dbType: "redis", version: "7.2", region: "ams3", storageGb: 10, replicas: 1, status: "running", slug: "listed-redis" }),
    ]);
    expect(redis.result.databases).toEqual([expect.not.objectContaining({ password: expect.anything() })]);
    await d.destroyAll();
    expect(store().size).toBe(0);
    const left = await env.postgres.query("SELECT datname FROM pg_database WHERE datname LIKE '%\\_%' ESCAPE '\\' AND datname <> 'template0'");
    expect(left).toEqual([]);
  });

  it("the provider has used every endpoint of the DBaaS document (seeds/004)", () => {
    const documented = [
      "GET /api/v1/databases",
      "POST /api/v1/databases",
      "GET /api/v1/databases/{id}",
      "DELETE /api/v1/databases/{id}",
      "GET /api/v1/databases/{id}/credentials",
    ];
    expect(unexercisedEndpoints(documented, env.sandbox.requests)).toEqual([]);
  });
});
