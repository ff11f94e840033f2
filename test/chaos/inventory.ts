// What exists after a chaos step, asked of each sandbox's own state and of the database servers
// behind them, one line per thing ("hosting:serverpilot:App <id>", "mariadb:db <name>"), and
// what a recorded resource stands for in those lines. After each step the two must agree: a
// line only in the inventory is an orphan or a duplicate, one only in the state is a resource
// recorded that does not exist.
import type { ResourceState } from "../harness/deployment";
import { DEFAULT_SYSUSER } from "../sandbox/serverpilot-routes";
import { reveal } from "../support/secrets";
import type { ChaosWorld } from "./world";

export interface InventoryScope {
  /** The Combell DNS zones whose records are counted: an account's own zone comes with records of its own. */
  combellZones?: string[];
}

export async function inventory(world: ChaosWorld, scope: InventoryScope = {}): Promise<string[]> {
  const { ServerPilot: sp, Combell: combell, Pterodactyl: panel, WisPanel: wispanel, DBaaS: dbaas } = world.sandboxes;
  const lines: string[] = [];
  const add = (type: string, ids: Iterable<string | number>) => {
    for (const id of ids) lines.push(`${type} ${id}`);
  };
  if (sp) {
    add("hosting:serverpilot:Server", sp.store.servers.keys());
    // Every server comes with a system user of ServerPilot's own.
    add("hosting:serverpilot:SysUser", [...sp.store.sysusers.values()].filter((u) => u.name !== DEFAULT_SYSUSER).map((u) => u.id));
    add("hosting:serverpilot:App", sp.store.apps.keys());
    add("hosting:serverpilot:Database", sp.store.dbs.keys());
  }
  if (combell) {
    add("hosting:combell:Account", combell.store.accounts.keys());
    for (const zone of scope.combellZones ?? []) add("hosting:combell:DnsRecord", [...(combell.store.dnsZones.get(zone)?.keys() ?? [])].map((id) => `${zone}/${id}`));
    add("hosting:combell:Mailbox", combell.store.mailboxes.keys());
    add("hosting:combell:MysqlDatabase", combell.store.mysqlDatabases.keys());
  }
  if (panel) add("hosting:pterodactyl:ServerDatabase", [...panel.store.databases.values()].map((db) => `${db.server}/${db.id}`));
  if (wispanel) add("hosting:wispanel:Database", wispanel.store.keys());
  if (dbaas) {
    add("hosting:dbaas:Database", dbaas.store.keys());
    add("redis", dbaas.instances.redisIds());
  }
  add("mariadb:db", (await world.mariadb.query<{ Database: string }>("SHOW DATABASES")).map((r) => r.Database));
  add("mariadb:user", (await world.mariadb.query<{ User: string }>("SELECT DISTINCT User FROM mysql.user")).map((r) => r.User));
  if (world.postgres) {
    add("postgres:db", (await world.postgres.query("SELECT datname FROM pg_database WHERE NOT datistemplate")).map((r) => r[0]));
    add("postgres:role", (await world.postgres.query("SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%'")).map((r) => r[0]));
  }
  return lines.sort();
}

/** The inventory lines a recorded resource stands for. */
export function linesOf(state: ResourceState): string[] {
  const own = `${state.type} ${state.id}`;
  const o = reveal(state.outputs);
  switch (state.type) {
    case "hosting:serverpilot:Database":
      return [own, `mariadb:db ${o.name}`, `mariadb:user ${o.user.name}`];
    case "hosting:combell:MysqlDatabase":
      return [own, `mariadb:db ${state.id}`, `mariadb:user ${o.userName}`];
    case "hosting:pterodactyl:ServerDatabase":
      return [own, `mariadb:db ${o.name}`, `mariadb:user ${o.username}`];
    case "hosting:wispanel:Database":
      return [own, `mariadb:db ${state.id}`, `mariadb:user ${o.fullUser}`];
    case "hosting:dbaas:Database":
      if (o.dbType === "postgresql") return [own, `postgres:db ${o.database}`, `postgres:role ${o.username}`];
      if (o.dbType === "mysql") return [own, `mariadb:db ${o.database}`, `mariadb:user ${o.username}`];
      if (o.dbType === "redis") return [own, `redis ${state.id}`];
      return [own];
    default:
      return [own];
  }
}

/** `lines` without one occurrence of each of `minus`'s lines. */
export function subtract(lines: readonly string[], minus: readonly string[]): string[] {
  const left = [...lines];
  for (const line of minus) {
    const at = left.indexOf(line);
    if (at >= 0) left.splice(at, 1);
  }
  return left;
}
