// The MySQL side of the panel's databases. With a MariaDB attached, a database created through
// the API really exists, its user (at its remote) really logs in with the password the panel
// made, a reset really changes it, and a delete really drops both: a test can prove the
// credentials a provider returns work, and that an old password no longer does.
import type { MariaDB } from "./mariadb";

export interface DatabaseEngine {
  create(database: string, user: string, remote: string, password: string): Promise<void>;
  setPassword(user: string, remote: string, password: string): Promise<void>;
  /** Moves the user to another remote, keeping its password and grants (an out-of-band change). */
  moveUser(user: string, from: string, to: string): Promise<void>;
  drop(database: string, user: string, remote: string): Promise<void>;
}

export const storeOnlyDatabases: DatabaseEngine = {
  async create() {},
  async setPassword() {},
  async moveUser() {},
  async drop() {},
};

export function mariadbDatabases(mariadb: MariaDB): DatabaseEngine {
  return {
    async create(database, user, remote, password) {
      await mariadb.query("CREATE DATABASE ??", [database]);
      try {
        await mariadb.query("CREATE USER ?@? IDENTIFIED BY ?", [user, remote, password]);
        await mariadb.query("GRANT ALL PRIVILEGES ON ??.* TO ?@?", [database, user, remote]);
      } catch (error) {
        await mariadb.query("DROP DATABASE IF EXISTS ??", [database]);
        await mariadb.query("DROP USER IF EXISTS ?@?", [user, remote]);
        throw error;
      }
    },
    async setPassword(user, remote, password) {
      await mariadb.query("ALTER USER ?@? IDENTIFIED BY ?", [user, remote, password]);
    },
    async moveUser(user, from, to) {
      await mariadb.query("RENAME USER ?@? TO ?@?", [user, from, user, to]);
    },
    async drop(database, user, remote) {
      // IF EXISTS: a test may have removed them out of band; the API delete still succeeds.
      await mariadb.query("DROP DATABASE IF EXISTS ??", [database]);
      await mariadb.query("DROP USER IF EXISTS ?@?", [user, remote]);
    },
  };
}
