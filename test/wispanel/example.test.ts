// examples/wispanel runs as written, against the WisPanel sandbox over HTTPS with its own CA and
// real MariaDB behind it: up creates the database under the domain with remote access for the
// app servers, its user logs in with the configured password, the phpMyAdmin login comes out
// secret; destroy leaves neither the database in the panel nor the database or user in MariaDB.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startWisPanelSandbox, type WisPanelSandbox } from "../sandbox/wispanel";
import { readStack, runExample, writeNewStack } from "../support/example-program";
import { isSecret, reveal } from "../support/secrets";

const PASSWORD = "Shop-app-pw-2025";

let mariadb: MariaDB;
let sandbox: WisPanelSandbox;
let work: string;

beforeAll(async () => {
  mariadb = await startMariaDB();
  sandbox = await startWisPanelSandbox({ mariadb });
  work = mkdtempSync(join(tmpdir(), "shop-database-example-"));
});

afterAll(async () => {
  await sandbox?.close();
  await mariadb?.stop();
  rmSync(work, { recursive: true, force: true });
});

it("creates the shop's database whose user logs in, hands out a secret phpMyAdmin login, and destroy leaves nothing", async () => {
  const stackFile = join(work, "stack.json");
  writeNewStack(
    stackFile,
    "shop-database",
    {
      "hosting:wispanelEndpoint": sandbox.url,
      "hosting:wispanelApiToken": sandbox.token,
      "hosting:wispanelCaCertificate": sandbox.ca,
      "shop-database:domain": "shop.example.com",
      "shop-database:appServers": "10.0.0.%",
      "shop-database:databasePassword": PASSWORD,
    },
    ["hosting:wispanelApiToken", "shop-database:databasePassword"],
  );

  const up = await runExample("wispanel", "up", stackFile);
  expect(up.code, up.output).toBe(0);
  expect(up.output).toMatch(/Resources: 1 create/);
  const outputs = readStack(stackFile).outputs;
  expect(outputs).toMatchObject({ databaseName: "john_shop", databaseUser: "john_shop_app" });
  expect(sandbox.store.get("john_shop")).toMatchObject({ domain: "shop.example.com", remote_access: true, remote_host: "10.0.0.%" });
  expect(await mariadb.canLogin("john_shop_app", PASSWORD, "john_shop")).toBe(true);
  const hosts = await mariadb.query<{ Host: string }>("SELECT Host FROM mysql.user WHERE User = ?", ["john_shop_app"]);
  expect(hosts.map((h) => h.Host).sort()).toEqual(["10.0.0.%", "127.0.0.1"]);
  expect(isSecret(outputs.phpMyAdminUrl)).toBe(true);
  expect(sandbox.logins).toHaveLength(1);
  expect(sandbox.logins[0]).toMatchObject({ database: "john_shop", url: reveal(outputs.phpMyAdminUrl) });
  expect(up.output).not.toContain(sandbox.logins[0]!.token);

  const destroy = await runExample("wispanel", "destroy", stackFile);
  expect(destroy.code, destroy.output).toBe(0);
  expect(destroy.output).toMatch(/Resources: 1 delete/);
  expect(sandbox.store.size).toBe(0);
  expect(await mariadb.databaseExists("john_shop")).toBe(false);
  expect(await mariadb.userExists("john_shop_app")).toBe(false);
  expect(readStack(stackFile)).toMatchObject({ resources: [], outputs: {} });
}, 60_000);
