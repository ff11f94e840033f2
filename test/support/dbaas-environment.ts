// A DBaaS world for one test file: real MariaDB, PostgreSQL and Redis servers behind the DBaaS
// sandbox, the plugin process configured with only the DBaaS endpoint and token, and an engine
// stand-in. Redis is installed first when missing (scripts/ensure-redis.sh), as CI does.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../provider/version";
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startDbaasSandbox, type DbaasSandbox, type DbaasSandboxOptions } from "../sandbox/dbaas";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startPostgres, type Postgres } from "../sandbox/postgres";

export interface DbaasEnvironment {
  mariadb: MariaDB;
  postgres: Postgres;
  sandbox: DbaasSandbox;
  plugin: PluginProcess;
  deployment: Deployment;
  stop(): Promise<void>;
}

export function ensureRedis(): void {
  if (existsSync("/usr/bin/redis-server") && existsSync("/usr/bin/redis-cli")) return;
  execFileSync("bash", [join(packageRoot(), "scripts/ensure-redis.sh")], { stdio: "inherit" });
}

export async function startDbaasEnvironment(options: Omit<DbaasSandboxOptions, "mariadb" | "postgres"> = {}): Promise<DbaasEnvironment> {
  ensureRedis();
  const [mariadb, postgres] = await Promise.all([startMariaDB(), startPostgres()]);
  const sandbox = await startDbaasSandbox({ provisioningMs: 150, deleteMs: 50, ...options, mariadb, postgres });
  const plugin = await PluginProcess.start();
  await plugin.configure({ "hosting:config:dbaasEndpoint": sandbox.url, "hosting:config:dbaasApiToken": sandbox.token });
  return {
    mariadb,
    postgres,
    sandbox,
    plugin,
    deployment: new Deployment(plugin),
    async stop() {
      await plugin.stop();
      await sandbox.close();
      await Promise.all([mariadb.stop(), postgres.stop()]);
    },
  };
}
