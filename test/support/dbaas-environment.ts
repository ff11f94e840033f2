// A DBaaS world for one test file: real MariaDB, PostgreSQL and Redis servers behind the DBaaS
// sandbox, the plugin process configured with only the DBaaS endpoint and token, and an engine
// stand-in. Redis is installed first when missing (scripts/ensure-redis.sh), as CI does.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../provider/version";
import { startDbaasSandbox, type DbaasSandbox, type DbaasSandboxOptions } from "../sandbox/dbaas";
import { startPostgres, type Postgres } from "../sandbox/postgres";
import { startEnvironment, type Environment } from "./environment";

export interface DbaasEnvironment extends Environment<DbaasSandbox> {
  postgres: Postgres;
}

export function ensureRedis(): void {
  if (existsSync("/usr/bin/redis-server") && existsSync("/usr/bin/redis-cli")) return;
  execFileSync("bash", [join(packageRoot(), "scripts/ensure-redis.sh")], { stdio: "inherit" });
}

export async function startDbaasEnvironment(options: Omit<DbaasSandboxOptions, "mariadb" | "postgres"> = {}): Promise<DbaasEnvironment> {
  ensureRedis();
  // Started beside MariaDB: each takes a second or two.
  const postgresStarting = startPostgres();
  // Its failure is reported where it is awaited, not as an unhandled rejection before that.
  postgresStarting.catch(() => undefined);
  const environment = await startEnvironment(
    async (mariadb) => startDbaasSandbox({ provisioningMs: 150, deleteMs: 50, ...options, mariadb, postgres: await postgresStarting }),
    (sandbox) => ({ "hosting:config:dbaasEndpoint": sandbox.url, "hosting:config:dbaasApiToken": sandbox.token }),
  ).catch(async (error: unknown) => {
    await (await postgresStarting.catch(() => undefined))?.stop();
    throw error;
  });
  const postgres = await postgresStarting;
  return {
    ...environment,
    postgres,
    async stop() {
      await environment.stop();
      await postgres.stop();
    },
  };
}
