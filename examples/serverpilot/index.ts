// One ServerPilot server shared by an agency's clients. Each client gets a system user of its
// own (so one site cannot read another's files), a PHP app on it served over AutoSSL with
// ForceSSL, and a MySQL database for the app. Adding a client is one more entry in the list.
//
//   pulumi config set hosting:serverpilotClientId <client id>
//   pulumi config set --secret hosting:serverpilotApiKey <api key>
//   pulumi config set --secret acmeDatabasePassword <8 to 200 characters>
//   pulumi config set --secret globexDatabasePassword <8 to 200 characters>
//   pulumi up
//
// AutoSSL is issued once the client's domains resolve to the server: point them at the
// server's address (the `serverAddress` output, after the ServerPilot installer has run) first.
// To serve plain HTTP for a while (while a domain moves), turn ForceSSL off for every app:
//
//   pulumi config set forceSsl false
import * as pulumi from "@pulumi/pulumi";
import * as hosting from "../../sdk/nodejs";

const config = new pulumi.Config();
const forceSsl = config.getBoolean("forceSsl") ?? true;
const runtime = config.get("phpRuntime") ?? "php8.3";

const clients = [
  { name: "acme", domains: ["acme.example.com", "www.acme.example.com"] },
  { name: "globex", domains: ["globex.example.com"] },
];

const server = new hosting.serverpilot.Server("agency", { name: "agency-web", firewall: true, autoupdates: true });

const sites = clients.map((client) => {
  const user = new hosting.serverpilot.SysUser(client.name, { serverId: server.id, name: client.name });
  const app = new hosting.serverpilot.App(client.name, {
    name: client.name,
    sysuserId: user.id,
    runtime,
    domains: client.domains,
    autoSsl: true,
    forceSsl,
  });
  const database = new hosting.serverpilot.Database(client.name, {
    appId: app.id,
    name: `${client.name}-db`,
    user: { name: client.name, password: config.requireSecret(`${client.name}DatabasePassword`) },
  });
  return { client, app, database };
});

export const serverId = server.id;
/** For the ServerPilot installer on the machine: secret. */
export const serverApiKey = server.apikey;
export const serverAddress = server.lastaddress;
export const appIds = pulumi.output(Object.fromEntries(sites.map(({ client, app }) => [client.name, app.id])));
export const databases = pulumi.output(Object.fromEntries(sites.map(({ client, database }) => [client.name, database.name])));
