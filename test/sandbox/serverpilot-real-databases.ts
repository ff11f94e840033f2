// The MySQL side of the emulated databases. With a MariaDB attached, a database
// created through the API really exists, its user really logs in with the
// password given, a password update really changes it, and a delete really
// drops both; so a test can prove a provider's credentials work. Without one,
// databases only live in the emulator's store.
import { conflict } from "./serverpilot-errors";
import type { MariaDB } from "./mariadb";

export interface DatabaseEngine {
  create(database: string, user: string, password: string): Promise<void>;
  setPassword(user: string, password: string): Promise<void>;
  drop(database: string, user: string): Promise<void>;
}

/** Databases that exist only in the emulator's store. */
export const storeOnlyDatabases: DatabaseEngine = {
  async create() {},
  async setPassword() {},
  async drop() {},
};

const ER_DB_CREATE_EXISTS = 1007;
const ER_CANNOT_USER = 1396; // CREATE USER for a user that exists, ALTER/DROP for one that does not

const errnoOf = (error: unknown) =>
  typeof error === "object" && error !== null ? (error as { errno?: number }).errno : undefined;

/**
 * One MariaDB stands in for the MySQL of every emulated server, so names that the
 * real service would allow on two different servers collide here; such a
 * collision is answered with 409 and a message saying why.
 */
export function mariadbDatabases(mariadb: MariaDB): DatabaseEngine {
  return {
    async create(database, user, password) {
      try {
        await mariadb.query("CREATE DATABASE ??", [database]);
      } catch (error) {
        if (errnoOf(error) === ER_DB_CREATE_EXISTS) {
          throw conflict(
            `"name": database "${database}" already exists in the sandbox MariaDB (shared by all emulated servers).`,
          );
        }
        throw error;
      }
      try {
        await mariadb.query("CREATE USER ?@'%' IDENTIFIED BY ?", [user, password]);
        await mariadb.query("GRANT ALL PRIVILEGES ON ??.* TO ?@'%'", [database, user]);
      } catch (error) {
        await mariadb.query("DROP DATABASE IF EXISTS ??", [database]);
        if (errnoOf(error) === ER_CANNOT_USER) {
          throw conflict(
            `"user.name": database user "${user}" already exists in the sandbox MariaDB (shared by all emulated servers).`,
          );
        }
        throw error;
      }
    },

    async setPassword(user, password) {
      await mariadb.query("ALTER USER ?@'%' IDENTIFIED BY ?", [user, password]);
    },

    async drop(database, user) {
      // IF EXISTS: a test may have removed them out of band; the API delete still succeeds.
      await mariadb.query("DROP DATABASE IF EXISTS ??", [database]);
      await mariadb.query("DROP USER IF EXISTS ?@'%'", [user]);
    },
  };
}
