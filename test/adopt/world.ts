// Five sandboxes on one MariaDB and one plugin process configured for all of them, each account
// populated through the plugin with every resource kind its API has: what `hosting-adopt`
// scans in test/adopt.
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { recordSecret } from "../harness/scan-record";
import { startCombellSandbox, type CombellSandbox } from "../sandbox/combell";
import { startDbaasSandbox, type DbaasSandbox } from "../sandbox/dbaas";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startPterodactylSandbox, type PterodactylSandbox } from "../sandbox/pterodactyl";
import { startServerPilotSandbox, type ServerPilotSandbox } from "../sandbox/serverpilot";
import { startWisPanelSandbox, type WisPanelSandbox } from "../sandbox/wispanel";
import { secret } from "../support/secrets";
import { wispanelConfig } from "../support/wispanel-environment";
import { registry } from "../../provider/registry";
import { configVariablesOf } from "../../provider/kit/provider-config";

/** Every password the accounts were made with: what a user sets again after adopting them. */
export const PASSWORD = "Passw0rd1234";
recordSecret("test/adopt: the accounts' passwords", PASSWORD);

export const SSH_PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXA t@h";

export interface AdoptWorld {
  mariadb: MariaDB;
  serverpilot: ServerPilotSandbox;
  combell: CombellSandbox;
  pterodactyl: PterodactylSandbox;
  wispanel: WisPanelSandbox;
  dbaas: DbaasSandbox;
  plugin: PluginProcess;
  /** "hosting:config:<key>" -> value, as the plugin was configured. */
  config: Record<string, string>;
  /** The same as the provider's environment variables, as a user of hosting-adopt sets them. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startAdoptWorld(): Promise<AdoptWorld> {
  const mariadb = await startMariaDB();
  const [serverpilot, combell, pterodactyl, wispanel, dbaas] = await Promise.all([
    startServerPilotSandbox({ mariadb, actionDelayMs: 20 }),
    startCombellSandbox({ mariadb, jobDurationMs: 20, retryAfterSeconds: 0 }),
    startPterodactylSandbox({ mode: "panel", mariadb }),
    startWisPanelSandbox({ mariadb }),
    startDbaasSandbox({ mariadb, redis: false, provisioningMs: 20 }),
  ]);
  const config: Record<string, string> = {
    "hosting:config:serverpilotClientId": serverpilot.clientId,
    "hosting:config:serverpilotApiKey": serverpilot.apiKey,
    "hosting:config:serverpilotEndpoint": serverpilot.url,
    "hosting:config:combellApiKey": combell.apiKey,
    "hosting:config:combellApiSecret": combell.apiSecret,
    "hosting:config:combellEndpoint": combell.url,
    "hosting:config:pterodactylEndpoint": pterodactyl.url,
    "hosting:config:pterodactylApiKey": pterodactyl.apiKey,
    ...wispanelConfig(wispanel),
    "hosting:config:dbaasEndpoint": dbaas.url,
    "hosting:config:dbaasApiToken": dbaas.token,
  };
  const byKey = new Map(configVariablesOf(registry().apis).map((v) => [v.key, v]));
  const env = Object.fromEntries(Object.entries(config).map(([key, value]) => [byKey.get(key.replace("hosting:config:", ""))!.env[0], value]));
  const plugin = await PluginProcess.start();
  await plugin.configure(config);
  await populate(new Deployment(plugin, "made-elsewhere"));
  return {
    mariadb,
    serverpilot,
    combell,
    pterodactyl,
    wispanel,
    dbaas,
    plugin,
    config,
    env,
    async stop() {
      await plugin.stop();
      await Promise.all([serverpilot, combell, pterodactyl, wispanel, dbaas].map((s) => s.close()));
      await mariadb.stop();
    },
  };
}

/** What each account already has, made through the plugin in a stack of its own. */
async function populate(d: Deployment): Promise<void> {
  const password = secret(PASSWORD);
  const id = async (type: string, name: string, inputs: Record<string, unknown>) => (await d.register(type, name, inputs)).state!.id;
  await Promise.all([
    (async () => {
      const server = await id("hosting:serverpilot:Server", "web", { name: "web1" });
      const sysuser = await id("hosting:serverpilot:SysUser", "deployer", { serverId: server, name: "deployer" });
      const app = await id("hosting:serverpilot:App", "blog", { name: "blog", sysuserId: sysuser, runtime: "php8.3", domains: ["blog.example.com"] });
      await id("hosting:serverpilot:Database", "blogdb", { appId: app, name: "blogdb", user: { name: "bloguser", password } });
    })(),
    (async () => {
      const account = Number(await id("hosting:combell:Account", "shop", { identifier: "shop.example.com", servicepackId: 3001 }));
      await id("hosting:combell:Domain", "brand", { domainName: "brand-new.be" });
      // Two records with the same name and type: their Pulumi names must still differ.
      await id("hosting:combell:DnsRecord", "www1", { domainName: "shop.example.com", type: "A", recordName: "www", content: "192.0.2.10" });
      await id("hosting:combell:DnsRecord", "www2", { domainName: "shop.example.com", type: "A", recordName: "www", content: "192.0.2.11" });
      await id("hosting:combell:DnsRecord", "spf", { domainName: "brand-new.be", type: "TXT", recordName: "@", content: "v=spf1 -all" });
      await id("hosting:combell:Mailbox", "info", { emailAddress: "info@shop.example.com", accountId: account, password });
      await id("hosting:combell:MysqlDatabase", "shopdb", { databaseName: "shopdb", accountId: account, password });
      await id("hosting:combell:SshKey", "deploy", { domainName: "shop.example.com", publicKey: SSH_PUBLIC_KEY });
      await id("hosting:combell:Subsite", "blog", { domainName: "shop.example.com", siteName: "blog.shop.example.com" });
    })(),
    (async () => {
      // The same name on two servers: the panel prefixes it per server, Pulumi names must differ.
      await id("hosting:pterodactyl:ServerDatabase", "stats1", { serverId: 1, database: "stats", host: 1 });
      await id("hosting:pterodactyl:ServerDatabase", "stats2", { serverId: 2, database: "stats", host: 1, remote: "10.0.0.%" });
    })(),
    id("hosting:wispanel:Database", "mydb", { name: "mydb", user: "mydb", password, domain: "example.com" }),
    (async () => {
      await id("hosting:dbaas:Database", "orders", { name: "orders", dbType: "mysql", planId: "db-s-2vcpu-4gb", region: "nyc1" });
      await id("hosting:dbaas:Database", "cache", { name: "cache", dbType: "redis", planId: "db-s-2vcpu-4gb", region: "nyc1" });
    })(),
  ]);
}
