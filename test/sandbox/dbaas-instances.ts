// The real servers behind DBaaS sandbox databases: a MySQL database and user on MariaDB, a
// PostgreSQL database and role on a private PostgreSQL 15, a redis-server of its own per Redis
// database (its password is the database's). MongoDB is emulated: Debian has no MongoDB server
// and no Docker engine runs here, so its credentials point at a port nothing listens on.
import { randomBytes } from "node:crypto";
import type { MariaDB } from "./mariadb";
import type { Postgres } from "./postgres";
import { startRedis, type RedisServer } from "./redis";
import { recordSecret } from "../harness/scan-record";

export interface Credentials {
  host: string;
  port: number;
  username?: string;
  password: string;
  database?: string;
  ssl_mode?: string;
  connection_string: string;
}

export interface InstanceBackends {
  mariadb?: MariaDB;
  postgres?: Postgres;
  /** Whether Redis databases get a real redis-server (default true). */
  redis?: boolean;
}

/** Where an emulated instance "listens": a reserved port on loopback that nothing serves. */
const EMULATED_PORT = 1;

const enc = encodeURIComponent;

/** Creates, and drops, what stands behind a database. Names carry the id: a replacement may keep the name. */
export class Instances {
  private readonly redisServers = new Map<string, RedisServer>();

  constructor(private readonly backends: InstanceBackends) {}

  async create(id: string, dbType: string, slug: string): Promise<Credentials> {
    const suffix = id.replace(/^db_/, "");
    const database = `${slug.replace(/-/g, "_").slice(0, 40)}_${suffix}`;
    const username = `u_${suffix}`;
    const password = randomBytes(18).toString("base64url");
    recordSecret(`DBaaS sandbox: the password of database ${id}`, password);
    switch (dbType) {
      case "postgresql": {
        const pg = this.backends.postgres;
        if (!pg) return emulated("postgresql", username, password, database, "require");
        await pg.query(`CREATE ROLE "${username}" LOGIN PASSWORD '${password}'`);
        await pg.query(`CREATE DATABASE "${database}" OWNER "${username}"`);
        // The sandbox's server has no certificate: "prefer" is what it can honour.
        const url = `postgresql://${enc(username)}:${enc(password)}@${pg.host}:${pg.port}/${database}?sslmode=prefer`;
        return { host: pg.host, port: pg.port, username, password, database, ssl_mode: "prefer", connection_string: url };
      }
      case "mysql": {
        const db = this.backends.mariadb;
        if (!db) return emulated("mysql", username, password, database, "REQUIRED");
        await db.query("CREATE DATABASE ??", [database]);
        await db.query("CREATE USER ?@'%' IDENTIFIED BY ?", [username, password]);
        await db.query("GRANT ALL PRIVILEGES ON ??.* TO ?@'%'", [database, username]);
        const url = `mysql://${enc(username)}:${enc(password)}@${db.host}:${db.port}/${database}`;
        return { host: db.host, port: db.port, username, password, database, ssl_mode: "PREFERRED", connection_string: url };
      }
      case "redis": {
        if (this.backends.redis === false) return redisCredentials("127.0.0.1", EMULATED_PORT, password);
        const server = await startRedis(password);
        this.redisServers.set(id, server);
        return redisCredentials(server.host, server.port, password);
      }
      default:
        return emulated(dbType, username, password, database, "require");
    }
  }

  async drop(id: string, dbType: string, credentials: Credentials | undefined): Promise<void> {
    if (!credentials) return;
    if (dbType === "postgresql" && this.backends.postgres) {
      await this.backends.postgres.query(`DROP DATABASE IF EXISTS "${credentials.database}" WITH (FORCE)`);
      await this.backends.postgres.query(`DROP ROLE IF EXISTS "${credentials.username}"`);
    } else if (dbType === "mysql" && this.backends.mariadb) {
      await this.backends.mariadb.query("DROP DATABASE IF EXISTS ??", [credentials.database]);
      await this.backends.mariadb.query("DROP USER IF EXISTS ?@'%'", [credentials.username]);
    } else if (dbType === "redis") {
      await this.redisServers.get(id)?.stop();
      this.redisServers.delete(id);
    }
  }

  /** The ids with a redis-server of their own, for inventories of what is left. */
  redisIds(): string[] {
    return [...this.redisServers.keys()];
  }

  /** Whether a real instance still stands behind the id (Redis), for tests of "nothing left". */
  hasRedis(id: string): boolean {
    return this.redisServers.has(id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.redisServers.values()].map((s) => s.stop()));
    this.redisServers.clear();
  }
}

function redisCredentials(host: string, port: number, password: string): Credentials {
  return { host, port, password, connection_string: `redis://:${enc(password)}@${host}:${port}` };
}

/** Credentials of an engine with no real server here (MongoDB always; the others when none is given). */
function emulated(dbType: string, username: string, password: string, database: string, sslMode: string): Credentials {
  const scheme = dbType === "mongodb" ? "mongodb" : dbType;
  const port = EMULATED_PORT;
  const url = `${scheme}://${enc(username)}:${enc(password)}@127.0.0.1:${port}/${database}`;
  return { host: "127.0.0.1", port, username, password, database, ssl_mode: sslMode, connection_string: url };
}
