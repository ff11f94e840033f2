// examples/serverpilot runs as written, against the ServerPilot sandbox with real MariaDB behind
// its databases: up makes the server, a system user, an app over AutoSSL with ForceSSL and a
// database per client, each database's user logs in with its password; forceSsl false turns
// ForceSSL off in place on every app, AutoSSL kept; destroy leaves nothing in ServerPilot or MariaDB.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";
import { readStack, runExample, setConfig, writeNewStack } from "../support/example-program";
import { isSecret } from "../support/secrets";

let mariadb: MariaDB;
let sandbox: ServerPilotSandbox;
let work: string;

beforeAll(async () => {
  mariadb = await startMariaDB();
  sandbox = await startServerPilotSandbox({ mariadb, actionDelayMs: 50 });
  work = mkdtempSync(join(tmpdir(), "agency-server-example-"));
});

afterAll(async () => {
  await sandbox?.close();
  await mariadb?.stop();
  rmSync(work, { recursive: true, force: true });
});

it("gives each client a user, an app over AutoSSL and ForceSSL and a database that logs in; ForceSSL goes off in place; destroy leaves nothing", async () => {
  const stackFile = join(work, "stack.json");
  const passwords = { acme: "acme-Secret-7831", globex: "globex-Secret-5520" };
  writeNewStack(
    stackFile,
    "agency-server",
    {
      "hosting:serverpilotClientId": sandbox.clientId,
      "hosting:serverpilotApiKey": sandbox.apiKey,
      "hosting:serverpilotEndpoint": sandbox.url,
      "agency-server:acmeDatabasePassword": passwords.acme,
      "agency-server:globexDatabasePassword": passwords.globex,
    },
    ["hosting:serverpilotApiKey", "agency-server:acmeDatabasePassword", "agency-server:globexDatabasePassword"],
  );

  const up = await runExample("serverpilot", "up", stackFile);
  expect(up.code, up.output).toBe(0);
  expect(up.output).toMatch(/Resources: 7 create/);
  const outputs = readStack(stackFile).outputs;
  expect(isSecret(outputs.serverApiKey)).toBe(true);
  expect(outputs.databases).toEqual({ acme: "acme-db", globex: "globex-db" });
  const apps = outputs.appIds as Record<string, string>;
  for (const [client, password] of Object.entries(passwords)) {
    const app = sandbox.store.apps.get(apps[client]);
    expect(app.ssl, client).toMatchObject({ auto: true, force: true });
    expect(sandbox.store.sysusers.get(app.sysuserid).name, client).toBe(client);
    expect(await mariadb.canLogin(client, password, `${client}-db`), client).toBe(true);
  }

  setConfig(stackFile, "agency-server:forceSsl", "false");
  const plain = await runExample("serverpilot", "up", stackFile);
  expect(plain.code, plain.output).toBe(0);
  expect(plain.output).toMatch(/Resources: (?=.*2 update)(?=.*5 same)/);
  for (const client of Object.keys(passwords)) expect(sandbox.store.apps.get(apps[client]).ssl, client).toMatchObject({ auto: true, force: false });

  const destroy = await runExample("serverpilot", "destroy", stackFile);
  expect(destroy.code, destroy.output).toBe(0);
  expect(destroy.output).toMatch(/Resources: 7 delete/);
  expect([sandbox.store.servers.size, sandbox.store.sysusers.size, sandbox.store.apps.size, sandbox.store.dbs.size]).toEqual([0, 0, 0, 0]);
  for (const client of Object.keys(passwords)) {
    expect(await mariadb.databaseExists(`${client}-db`)).toBe(false);
    expect(await mariadb.userExists(client)).toBe(false);
  }
  expect(readStack(stackFile)).toMatchObject({ resources: [], outputs: {} });
}, 60_000);
