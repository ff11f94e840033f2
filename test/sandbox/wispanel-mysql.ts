// The MySQL side of WisPanel's databases: with a MariaDB attached, a database really exists, its
// user really logs in (from the panel's machine, 127.0.0.1 here, and from the remote host when
// remote access is on), a password reset really changes it, and a delete drops both.
import type { MariaDB } from "./mariadb";

/** Where the panel's own machine connects from: the tests' loopback. */
export const LOCAL_HOST = "127.0.0.1";

export interface MysqlSide {
  exists(database: string, user: string): Promise<string | null>;
  create(database: string, user: string, password: string): Promise<void>;
  setPassword(user: string, password: string): Promise<void>;
  /** The user's accounts: the local one, and one for `remoteHost` when given. */
  setRemote(database: string, user: string, password: string, remoteHost: string | undefined): Promise<void>;
  sizeKb(database: string): Promise<number>;
  drop(database: string, user: string): Promise<void>;
}

export const noMysql: MysqlSide = {
  async exists() {
    return null;
  },
  async create() {},
  async setPassword() {},
  async setRemote() {},
  async sizeKb() {
    return 0;
  },
  async drop() {},
};

async function hostsOf(mariadb: MariaDB, user: string): Promise<string[]> {
  return (await mariadb.query<{ Host: string }>("SELECT Host FROM mysql.user WHERE User = ?", [user])).map((r) => r.Host);
}

export function mariadbSide(mariadb: MariaDB): MysqlSide {
  return {
    async exists(database, user) {
      if (await mariadb.databaseExists(database)) return `Database already exists: ${database}`;
      if (await mariadb.userExists(user)) return `Database user already exists: ${user}`;
      return null;
    },
    async create(database, user, password) {
      await mariadb.query("CREATE DATABASE ??", [database]);
      await mariadb.query("CREATE USER ?@? IDENTIFIED BY ?", [user, LOCAL_HOST, password]);
      await mariadb.query("GRANT ALL PRIVILEGES ON ??.* TO ?@?", [database, user, LOCAL_HOST]);
    },
    async setPassword(user, password) {
      for (const host of await hostsOf(mariadb, user)) await mariadb.query("ALTER USER ?@? IDENTIFIED BY ?", [user, host, password]);
    },
    async setRemote(database, user, password, remoteHost) {
      for (const host of await hostsOf(mariadb, user)) if (host !== LOCAL_HOST && host !== remoteHost) await mariadb.query("DROP USER ?@?", [user, host]);
      if (remoteHost === undefined || remoteHost === LOCAL_HOST || (await hostsOf(mariadb, user)).includes(remoteHost)) return;
      await mariadb.query("CREATE USER ?@? IDENTIFIED BY ?", [user, remoteHost, password]);
      await mariadb.query("GRANT ALL PRIVILEGES ON ??.* TO ?@?", [database, user, remoteHost]);
    },
    async sizeKb(database) {
      const [row] = await mariadb.query<{ bytes: number | string | null }>(
        "SELECT SUM(DATA_LENGTH + INDEX_LENGTH) AS bytes FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
        [database],
      );
      return Math.round(Number(row?.bytes ?? 0) / 1024);
    },
    async drop(database, user) {
      // IF EXISTS: a test may have removed them out of band; the API delete still succeeds.
      await mariadb.query("DROP DATABASE IF EXISTS ??", [database]);
      for (const host of await hostsOf(mariadb, user)) await mariadb.query("DROP USER IF EXISTS ?@?", [user, host]);
    },
  };
}
