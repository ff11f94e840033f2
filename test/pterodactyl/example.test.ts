// examples/pterodactyl runs as written, against the panel sandbox in both of its modes with real
// MariaDB behind it: up creates both databases, the stats one reachable only from the address
// given, their credentials log in; a new passwordRotation resets both passwords in place; destroy
// leaves neither a database in the panel nor a database or user in MariaDB.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { PANEL_MODES, startPterodactylSandbox, type PterodactylSandbox } from "../sandbox/pterodactyl";
import { readStack, runExample, setConfig, writeNewStack } from "../support/example-program";
import { isSecret, reveal } from "../support/secrets";

// One MariaDB for both modes: each mode's destroy leaves it as it found it.
let mariadb: MariaDB;
let work: string;

beforeAll(async () => {
  mariadb = await startMariaDB();
  work = mkdtempSync(join(tmpdir(), "game-server-example-"));
});

afterAll(async () => {
  await mariadb?.stop();
  rmSync(work, { recursive: true, force: true });
});

const credentialsOf = (outputs: Record<string, unknown>, name: "world" | "stats") => ({
  user: outputs[`${name}User`] as string,
  password: reveal(outputs[`${name}Password`]) as string,
  database: outputs[`${name}Database`] as string,
});

for (const mode of PANEL_MODES) {
  describe(`against the ${mode === "document" ? "document's answers" : "real panel's answers"}`, () => {
    let sandbox: PterodactylSandbox;

    beforeAll(async () => {
      sandbox = await startPterodactylSandbox({ mode, mariadb });
    });

    afterAll(async () => {
      await sandbox?.close();
    });

    it("creates two databases that log in, rotates their passwords, and destroy leaves nothing", async () => {
      const stackFile = join(work, `${mode}.json`);
      writeNewStack(
        stackFile,
        "game-server",
        {
          "hosting:pterodactylEndpoint": sandbox.url,
          "hosting:pterodactylApiKey": sandbox.apiKey,
          "game-server:serverId": "1",
          "game-server:databaseHostId": "1",
          // The tests' loopback stands for the stats site: the only place its user may log in from.
          "game-server:statsSiteAddress": "127.0.0.1",
        },
        ["hosting:pterodactylApiKey"],
      );

      const up = await runExample("pterodactyl", "up", stackFile);
      expect(up.code, up.output).toBe(0);
      expect(up.output).toMatch(/Resources: 2 create/);
      const outputs = readStack(stackFile).outputs;
      expect(outputs).toMatchObject({ worldDatabase: "s1_world", statsDatabase: "s1_stats" });
      expect(isSecret(outputs.worldPassword) && isSecret(outputs.statsPassword)).toBe(true);
      expect(outputs.databasesOpenToAnywhere).toEqual(["s1_world"]);
      const world = credentialsOf(outputs, "world");
      const stats = credentialsOf(outputs, "stats");
      expect(world.user).toMatch(/^u1_[A-Za-z0-9]{10}$/);
      expect(await mariadb.canLogin(world.user, world.password, world.database)).toBe(true);
      expect(await mariadb.canLogin(stats.user, stats.password, stats.database)).toBe(true);
      expect(await mariadb.query("SELECT Host FROM mysql.user WHERE User = ?", [stats.user])).toEqual([{ Host: "127.0.0.1" }]);
      expect(await mariadb.query("SELECT Host FROM mysql.user WHERE User = ?", [world.user])).toEqual([{ Host: "%" }]);

      setConfig(stackFile, "game-server:passwordRotation", "2025-06");
      const rotate = await runExample("pterodactyl", "up", stackFile);
      expect(rotate.code, rotate.output).toBe(0);
      expect(rotate.output).toMatch(/Resources: 2 update/);
      const rotated = readStack(stackFile).outputs;
      for (const [name, before] of [["world", world], ["stats", stats]] as const) {
        const after = credentialsOf(rotated, name);
        expect(after.user, name).toBe(before.user);
        expect(after.password, name).not.toBe(before.password);
        expect(await mariadb.canLogin(after.user, after.password, after.database), name).toBe(true);
        expect(await mariadb.canLogin(before.user, before.password, before.database), name).toBe(false);
      }

      const destroy = await runExample("pterodactyl", "destroy", stackFile);
      expect(destroy.code, destroy.output).toBe(0);
      expect(destroy.output).toMatch(/Resources: 2 delete/);
      expect(sandbox.store.databases.size).toBe(0);
      for (const { user, database } of [world, stats]) {
        expect(await mariadb.databaseExists(database)).toBe(false);
        expect(await mariadb.userExists(user)).toBe(false);
      }
      expect(readStack(stackFile)).toMatchObject({ resources: [], outputs: {} });
    }, 60_000);
  });
}
