// examples/mysql-grants runs as written, with one part of it mocked: the DBaaS database goes
// through the real plugin to the DBaaS sandbox, with real MariaDB behind it, while the
// @pulumi/mysql resources (provider, user, grant) are answered by Pulumi mocks, since their
// plugin cannot be downloaded on this machine (test/harness/other-packages.ts). What is checked
// is the handover: the mysql provider gets this provider's outputs (host and port as its
// endpoint, the user, the password as a secret), and those credentials log in to the real
// database; destroy drops the database and forgets the mocked resources.
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDbaasSandbox, type DbaasSandbox } from "../sandbox/dbaas";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { readStack, runExample, writeNewStack } from "../support/example-program";
import { isSecret, reveal } from "../support/secrets";

let mariadb: MariaDB;
let sandbox: DbaasSandbox;
let work: string;

beforeAll(async () => {
  mariadb = await startMariaDB();
  sandbox = await startDbaasSandbox({ provisioningMs: 100, deleteMs: 50, mariadb });
  work = mkdtempSync(join(tmpdir(), "mysql-grants-example-"));
});

afterAll(async () => {
  await sandbox?.close();
  await mariadb?.stop();
  rmSync(work, { recursive: true, force: true });
});

it("hands the DBaaS database's credentials to the mysql provider (mysql resources mocked, the database real), and they log in", async () => {
  const stackFile = join(work, "stack.json");
  const reportingPassword = randomBytes(12).toString("base64url");
  writeNewStack(
    stackFile,
    "app-mysql",
    {
      "hosting:dbaasEndpoint": sandbox.url,
      "hosting:dbaasApiToken": sandbox.token,
      "app-mysql:region": "nyc1",
      "app-mysql:reportingPassword": reportingPassword,
    },
    ["hosting:dbaasApiToken", "app-mysql:reportingPassword"],
  );

  const up = await runExample("mysql-grants", "up", stackFile);
  expect(up.code, up.output).toBe(0);
  expect(up.output).toMatch(/Resources: 1 create/);
  expect(up.output).toMatch(/mysql:index\/grant:Grant reporting-read create \(mocked/);

  const stack = readStack(stackFile);
  const database = stack.resources.find((r) => r.type === "hosting:dbaas:Database")!;
  expect(sandbox.store.get(database.id)).toMatchObject({ db_type: "mysql", status: "running" });
  const { host, port, username, password, database: name } = reveal(database.outputs);

  const mocked = new Map((stack.mocked ?? []).map((r) => [r.type, r]));
  expect([...mocked.keys()].sort()).toEqual(["mysql:index/grant:Grant", "mysql:index/user:User", "pulumi:providers:mysql"]);
  const provider = mocked.get("pulumi:providers:mysql")!;
  expect(isSecret(provider.inputs.password)).toBe(true);
  expect(reveal(provider.inputs)).toMatchObject({ endpoint: `${host}:${port}`, username, password });
  // The credentials the mysql provider was given are the real database's.
  expect(await mariadb.canLogin(username, password, name)).toBe(true);

  const user = mocked.get("mysql:index/user:User")!;
  const grant = mocked.get("mysql:index/grant:Grant")!;
  expect(isSecret(user.inputs.plaintextPassword)).toBe(true);
  expect(reveal(user.inputs)).toMatchObject({ user: "reporting", host: "%", plaintextPassword: reportingPassword });
  expect(reveal(grant.inputs)).toMatchObject({ user: "reporting", host: "%", database: name, privileges: ["SELECT"] });
  // The SDK names the provider by its URN (its type under the stack's) and its id.
  for (const r of [user, grant]) expect(r.provider, r.type).toMatch(new RegExp(`[:$]pulumi:providers:mysql::${provider.name}::${provider.id}$`));

  const destroy = await runExample("mysql-grants", "destroy", stackFile);
  expect(destroy.code, destroy.output).toBe(0);
  expect(destroy.output).toMatch(/Resources: 1 delete/);
  expect(sandbox.store.size).toBe(0);
  expect(await mariadb.databaseExists(name)).toBe(false);
  expect(readStack(stackFile)).toMatchObject({ resources: [], mocked: [], outputs: {} });
}, 60_000);
