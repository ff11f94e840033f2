// The MySQL side of the reseller API's databases. With a MariaDB attached, a
// database whose provisioning job finishes really exists, its user really logs
// in with the password given, a password change really changes it and a
// delete really drops both: a test can prove the provider's credentials work.
// Without one, databases only live in the emulator's store.
import type { MariaDB } from "./mariadb";

export interface DatabaseEngine {
  /** Why the names cannot be used (taken in the shared MariaDB), or null. */
  conflict(database: string, user: string): Promise<string | null>;
  create(database: string, user: string, password: string): Promise<void>;
  setPassword(user: string, password: string): Promise<void>;
  drop(database: string, users: string[]): Promise<void>;
}

export const storeOnlyDatabases: DatabaseEngine = {
  async conflict() {
    return null;
  },
  async create() {},
  async setPassword() {},
  async drop() {},
};

/**
 * One MariaDB may stand in for several sandboxes (and other emulators), so a
 * name free in this sandbox's store may be taken there; such a create is
 * refused with a message saying why, rather than failing later.
 */
export function mariadbDatabases(mariadb: MariaDB): DatabaseEngine {
  return {
    async conflict(database, user) {
      if (await mariadb.databaseExists(database)) return `database "${database}" already exists in the sandbox MariaDB (shared with other sandboxes).`;
      if (await mariadb.userExists(user)) return `user "${user}" already exists in the sandbox MariaDB (shared with other sandboxes).`;
      return null;
    },

    async create(database, user, password) {
      await mariadb.query("CREATE DATABASE ??", [database]);
      try {
        await mariadb.query("CREATE USER ?@'%' IDENTIFIED BY ?", [user, password]);
        await mariadb.query("GRANT ALL PRIVILEGES ON ??.* TO ?@'%'", [database, user]);
      } catch (error) {
        await mariadb.query("DROP DATABASE IF EXISTS ??", [database]);
        await mariadb.query("DROP USER IF EXISTS ?@'%'", [user]);
        throw error;
      }
    },

    async setPassword(user, password) {
      await mariadb.query("ALTER USER ?@'%' IDENTIFIED BY ?", [user, password]);
    },

    async drop(database, users) {
      // IF EXISTS: a test may have removed them out of band; the API delete still succeeds.
      await mariadb.query("DROP DATABASE IF EXISTS ??", [database]);
      for (const user of users) await mariadb.query("DROP USER IF EXISTS ?@'%'", [user]);
    },
  };
}
