// The databases of one game server on a Pterodactyl or Pelican panel: one for the world's
// plugins, reachable from anywhere the server's plugins may run, and one for player statistics
// that only the stats site's address may reach. The panel makes each database's user and
// password itself; they come out as outputs, the password as a secret.
//
//   pulumi config set hosting:pterodactylEndpoint https://panel.example.com
//   pulumi config set --secret hosting:pterodactylApiKey <Application API key (ptla_...)>
//   pulumi config set serverId <the server's numeric id, not its UUID>
//   pulumi config set databaseHostId <id under Admin > Databases>
//   pulumi config set statsSiteAddress <IPv4 address or pattern, such as 203.0.113.7>
//   pulumi up
//
// The panel generates passwords and cannot be told one. To have it make new ones (after a
// leak, say), set passwordRotation to anything new and run `pulumi up` again:
//
//   pulumi config set passwordRotation 2025-06
import * as pulumi from "@pulumi/pulumi";
import * as hosting from "../../sdk/nodejs";

const config = new pulumi.Config();
const serverId = config.requireNumber("serverId");
const host = config.requireNumber("databaseHostId");
// Changing it resets both passwords in place; without it, they stay as the panel first made them.
const passwordRotation = config.get("passwordRotation");

const world = new hosting.pterodactyl.ServerDatabase("world", {
  serverId,
  host,
  database: "world",
  passwordRotation,
});

const stats = new hosting.pterodactyl.ServerDatabase("stats", {
  serverId,
  host,
  database: "stats",
  remote: config.require("statsSiteAddress"),
  passwordRotation,
});

// What the server has that anyone may reach from anywhere, this program's and any its owner made
// in the panel: the list to look at before opening another. Read after both databases exist.
const openToAnywhere = hosting.pterodactyl.getServerDatabasesOutput({ serverId, remote: "%" }, { dependsOn: [world, stats] });

export const worldDatabase = world.name;
export const worldUser = world.username;
export const worldPassword = world.password;
export const statsDatabase = stats.name;
export const statsUser = stats.username;
export const statsPassword = stats.password;
// The list carries every database's password, which makes all of it secret; the names are not.
export const databasesOpenToAnywhere = pulumi.unsecret(openToAnywhere.databases.apply((databases) => databases.map((d) => d.name)));
