// examples/dbaas runs as written: up creates the PostgreSQL database and the Redis instance with
// real servers behind them, and their secret connection strings log in; destroy refuses the
// protected database until, as its header says, protect is set false and up has run; then it
// leaves neither a database in the DBaaS nor a database, role or redis-server behind it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDbaasSandbox, type DbaasSandbox } from "../sandbox/dbaas";
import { startPostgres, type Postgres } from "../sandbox/postgres";
import { redisCanLogin } from "../sandbox/redis";
import { ensureRedis } from "../support/dbaas-environment";
import { readStack, runExample, setConfig, writeNewStack } from "../support/example-program";
import { isSecret, reveal } from "../support/secrets";

let postgres: Postgres;
let sandbox: DbaasSandbox;
let work: string;

beforeAll(async () => {
  ensureRedis();
  postgres = await startPostgres();
  sandbox = await startDbaasSandbox({ provisioningMs: 150, deleteMs: 50, postgres });
  work = mkdtempSync(join(tmpdir(), "app-data-example-"));
});

afterAll(async () => {
  await sandbox?.close();
  await postgres?.stop();
  rmSync(work, { recursive: true, force: true });
});

it("creates a PostgreSQL database and a Redis instance whose connection strings log in; destroy leaves nothing", async () => {
  const stackFile = join(work, "stack.json");
  writeNewStack(
    stackFile,
    "app-data",
    {
      "hosting:dbaasEndpoint": sandbox.url,
      "hosting:dbaasApiToken": sandbox.token,
      "app-data:region": "nyc1",
    },
    ["hosting:dbaasApiToken"],
  );

  const up = await runExample("dbaas", "up", stackFile);
  expect(up.code, up.output).toBe(0);
  expect(up.output).toMatch(/Resources: 2 create/);
  const outputs = readStack(stackFile).outputs;
  const postgresId = outputs.postgresId as string;
  const redisId = outputs.redisId as string;
  expect(sandbox.store.get(postgresId)).toMatchObject({ name: "app-postgres", db_type: "postgresql", version: "16", storage_gb: 20, status: "running" });
  expect(sandbox.store.get(redisId)).toMatchObject({ name: "app-cache", db_type: "redis", status: "running" });
  expect(isSecret(outputs.postgresConnectionString) && isSecret(outputs.redisConnectionString)).toBe(true);

  const pg = new URL(reveal(outputs.postgresConnectionString));
  expect(pg.protocol).toBe("postgresql:");
  const [user, password, database] = [pg.username, pg.password, pg.pathname.slice(1)].map(decodeURIComponent);
  expect(await postgres.canLogin(user, password, database)).toBe(true);
  const cache = new URL(reveal(outputs.redisConnectionString));
  expect(await redisCanLogin(Number(cache.port), decodeURIComponent(cache.password))).toBe(true);

  const refused = await runExample("dbaas", "destroy", stackFile);
  expect(refused.code, refused.output).toBe(1);
  expect(refused.output).toMatch(/Database::main cannot be deleted because it is protected/);
  expect(sandbox.store.get(postgresId)?.status).toBe("running");
  expect(await postgres.canLogin(user, password, database)).toBe(true);

  setConfig(stackFile, "app-data:protect", "false");
  const unprotect = await runExample("dbaas", "up", stackFile);
  expect(unprotect.code, unprotect.output).toBe(0);
  const destroy = await runExample("dbaas", "destroy", stackFile);
  expect(destroy.code, destroy.output).toBe(0);
  expect(destroy.output).toMatch(/Resources: \d delete/);
  expect(sandbox.store.size).toBe(0);
  expect(await postgres.databaseExists(database)).toBe(false);
  expect(await postgres.roleExists(user)).toBe(false);
  expect(sandbox.instances.hasRedis(redisId)).toBe(false);
  expect(await redisCanLogin(Number(cache.port), decodeURIComponent(cache.password))).toBe(false);
  expect(readStack(stackFile)).toMatchObject({ resources: [], outputs: {} });
}, 60_000);
