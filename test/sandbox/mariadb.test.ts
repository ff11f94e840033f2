// Tests of the private MariaDB used by the sandboxes: it must really start,
// really check logins, and leave nothing behind when stopped.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { MARIADB_TEMPLATE_ENV, startMariaDB, type MariaDB } from "./mariadb";

describe("startMariaDB", () => {
  let mariadb: MariaDB;

  beforeAll(async () => {
    mariadb = await startMariaDB();
  });

  afterAll(async () => {
    await mariadb?.stop();
  });

  it("listens on loopback and accepts root only with its random password", async () => {
    expect(mariadb.host).toBe("127.0.0.1");
    expect(mariadb.port).toBeGreaterThan(0);
    expect(mariadb.rootUser).toBe("root");
    expect(await mariadb.canLogin("root", mariadb.rootPassword)).toBe(true);
    expect(await mariadb.canLogin("root", "")).toBe(false);
    expect(await mariadb.canLogin("root", "wrong-password")).toBe(false);
  });

  it("runs queries as root and reports databases and users", async () => {
    const [row] = await mariadb.query<{ answer: number }>("SELECT 6 * 7 AS answer");
    expect(row.answer).toBe(42);

    expect(await mariadb.databaseExists("shop-db")).toBe(false);
    await mariadb.query("CREATE DATABASE ??", ["shop-db"]);
    await mariadb.query("CREATE USER ?@'%' IDENTIFIED BY ?", ["shopuser", "s3cret-pass"]);
    await mariadb.query("GRANT ALL PRIVILEGES ON ??.* TO ?@'%'", ["shop-db", "shopuser"]);
    expect(await mariadb.databaseExists("shop-db")).toBe(true);
    expect(await mariadb.userExists("shopuser")).toBe(true);

    expect(await mariadb.canLogin("shopuser", "s3cret-pass", "shop-db")).toBe(true);
    expect(await mariadb.canLogin("shopuser", "other-pass", "shop-db")).toBe(false);
    expect(await mariadb.canLogin("shopuser", "s3cret-pass", "mysql")).toBe(false);
    expect(await mariadb.canLogin("nobody", "s3cret-pass")).toBe(false);
  });

  it("stops the server and removes its data directory", async () => {
    const other = await startMariaDB();
    const [{ datadir }] = await other.query<{ datadir: string }>("SELECT @@datadir AS datadir");
    expect(existsSync(datadir)).toBe(true);
    await other.stop();
    expect(existsSync(datadir)).toBe(false);
    await expect(
      (async () => {
        const net = await import("node:net");
        await new Promise<void>((resolve, reject) => {
          const socket = net.connect(other.port, other.host, () => {
            socket.destroy();
            resolve();
          });
          socket.once("error", reject);
        });
      })(),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});

it("starts under a TMPDIR whose path has a space, which mariadb-install-db cannot take", async () => {
  const spaced = mkdtempSync(join(tmpdir(), "mariadb test "));
  const saved = process.env.TMPDIR;
  const template = process.env[MARIADB_TEMPLATE_ENV];
  process.env.TMPDIR = spaced;
  // Installs afresh, as a start outside the test run does.
  delete process.env[MARIADB_TEMPLATE_ENV];
  try {
    const server = await startMariaDB();
    expect(await server.canLogin("root", server.rootPassword)).toBe(true);
    await server.stop();
    expect(readdirSync(spaced)).toEqual([]);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    if (template !== undefined) process.env[MARIADB_TEMPLATE_ENV] = template;
    rmSync(spaced, { recursive: true, force: true });
  }
});
