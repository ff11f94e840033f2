// MySQL databases in the Combell sandbox, against a real MariaDB: a database
// exists, and its user logs in, only once its provisioning job has finished; a
// password change really changes the password; a delete really drops both.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startCombellSandbox, type CombellSandbox } from "./combell";
import { combellClient, provision, waitForJob, type Answer, type Call } from "./combell-test-client";
import { startMariaDB, type MariaDB } from "./mariadb";

let counter = 0;
const uniqueDomain = (prefix = "db") => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}.be`;

function expectInvalid(answer: Answer, expected: Array<[field: string, code: string]>): void {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.body.validation_errors.map((e: any) => [e.error_text.match(/^"([^"]+)"/)?.[1], e.error_code])).toEqual(expected);
}

describe("Combell sandbox: MySQL databases in a real MariaDB", () => {
  let mariadb: MariaDB;
  let sandbox: CombellSandbox;
  let api: Call;
  let accountId: number;
  let domain: string;

  beforeAll(async () => {
    mariadb = await startMariaDB();
    sandbox = await startCombellSandbox({ mariadb, jobDurationMs: 150 });
    api = combellClient(sandbox);
    domain = uniqueDomain();
    const done = await provision(api, "/accounts", { identifier: domain, servicepack_id: 3001, ftp_password: "ftpPass123" });
    accountId = Number(done.body.resource_links[0].split("/").pop());
  });

  afterAll(async () => {
    await sandbox?.close();
    await mariadb?.stop();
  });

  it("creates ID{account}_{name} through a job; its user logs in once the job has finished", async () => {
    const name = `ID${accountId}_shop`;
    const started = await api("POST", "/mysqldatabases", { database_name: "shop", account_id: accountId, password: "dbPass123" });
    expect(started.status, started.text).toBe(202);
    expect(started.headers.get("location")).toMatch(/^\/v2\/provisioningjobs\//);
    expect(await mariadb.databaseExists(name)).toBe(false);
    expect((await api("GET", `/mysqldatabases/${name}`)).status).toBe(404);

    const done = await waitForJob(api, started.headers.get("location")!);
    expect(done.status).toBe(201);
    expect(done.body.resource_links).toEqual([`/v2/mysqldatabases/${name}`]);
    expect(await mariadb.canLogin(name, "dbPass123", name)).toBe(true);
    expect(await mariadb.canLogin(name, "wrongPass1", name)).toBe(false);

    expect((await api("GET", `/mysqldatabases/${name}`)).body).toEqual({
      name, hostname: `${name}.db.webhosting.be`, user_count: 1, max_size: 1024, actual_size: 0, account_id: accountId,
    });
    expect((await api("GET", `/mysqldatabases/${name}/users`)).body).toEqual([{ name, rights: "read_and_write", enabled: true }]);
    expect((await api("GET", `/mysqldatabases?account_id=${accountId}`)).body.map((d: any) => d.name)).toEqual([name]);
    expect((await api("GET", "/mysqldatabases?account_id=1")).body).toEqual([]);
    expect((await api("GET", `/linuxhostings/${domain}`)).body.mysql_database_names).toEqual([name]);
  });

  it("changes the user's password for real: the new one works, the old one stops working", async () => {
    const name = `ID${accountId}_blog`;
    expect((await provision(api, "/mysqldatabases", { database_name: "blog", account_id: accountId, password: "oldPass123" })).status).toBe(201);
    expect(await mariadb.canLogin(name, "oldPass123", name)).toBe(true);
    const changed = await api("PUT", `/mysqldatabases/${name}/users/${name}/password`, { password: "newPass456" });
    expect(changed.status, changed.text).toBe(204);
    expect(await mariadb.canLogin(name, "newPass456", name)).toBe(true);
    expect(await mariadb.canLogin(name, "oldPass123", name)).toBe(false);

    expectInvalid(await api("PUT", `/mysqldatabases/${name}/users/${name}/password`, { password: "no" }), [["password", "invalid_value"]]);
    expect(await mariadb.canLogin(name, "newPass456", name)).toBe(true);
    expect((await api("PUT", `/mysqldatabases/${name}/users/someone/password`, { password: "newPass456" })).status).toBe(404);
  });

  it("deletes the database and its user for real", async () => {
    const name = `ID${accountId}_gone`;
    await provision(api, "/mysqldatabases", { database_name: "gone", account_id: accountId, password: "gonePass1" });
    expect(await mariadb.databaseExists(name)).toBe(true);
    expect((await api("DELETE", `/mysqldatabases/${name}`)).status).toBe(204);
    expect(await mariadb.databaseExists(name)).toBe(false);
    expect(await mariadb.userExists(name)).toBe(false);
    expect((await api("GET", `/mysqldatabases/${name}`)).status).toBe(404);
    expect((await api("DELETE", `/mysqldatabases/${name}`)).status).toBe(404);
  });

  it("creates nothing in MariaDB when the job fails", async () => {
    sandbox.failNextJob("failed");
    const done = await provision(api, "/mysqldatabases", { database_name: "failed", account_id: accountId, password: "failPass1" });
    expect(done.body.status).toBe("failed");
    expect(await mariadb.databaseExists(`ID${accountId}_failed`)).toBe(false);
    expect(sandbox.store.mysqlDatabases.has(`ID${accountId}_failed`)).toBe(false);
  });

  it("validates creates: the name rule, the account, the password, duplicates (also in the shared MariaDB)", async () => {
    const create = (body: Record<string, unknown>) => api("POST", "/mysqldatabases", body);
    expectInvalid(await create({}), [["database_name", "required"], ["account_id", "required"], ["password", "required"]]);
    for (const bad of ["Shop", "a", "with_underscore", "abcdefghijklmno", `ID${accountId}_x`]) {
      expectInvalid(await create({ database_name: bad, account_id: accountId, password: "dbPass123" }), [["database_name", "invalid_value"]]);
    }
    expectInvalid(await create({ database_name: "ok", account_id: accountId, password: "dbpass" }), [["password", "invalid_value"]]);
    expectInvalid(await create({ database_name: "ok", account_id: 42, password: "dbPass123" }), [["account_id", "invalid_value"]]);
    const mailOnly = await provision(api, "/accounts", { identifier: uniqueDomain("mail"), servicepack_id: 3002 });
    const mailAccount = Number(mailOnly.body.resource_links[0].split("/").pop());
    expectInvalid(await create({ database_name: "ok", account_id: mailAccount, password: "dbPass123" }), [["account_id", "invalid_value"]]);
    expectInvalid(await create({ database_name: "shop", account_id: accountId, password: "dbPass123" }), [["database_name", "already_exists"]]);
    await mariadb.query("CREATE DATABASE ??", [`ID${accountId}_taken`]);
    expectInvalid(await create({ database_name: "taken", account_id: accountId, password: "dbPass123" }), [["database_name", "already_exists"]]);
  });
});
