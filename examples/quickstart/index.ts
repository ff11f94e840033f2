// A ServerPilot server with a system user, a WordPress app served over AutoSSL with ForceSSL,
// and a MySQL database for it.
//
//   pulumi config set hosting:serverpilotClientId <client id>
//   pulumi config set --secret hosting:serverpilotApiKey <api key>
//   pulumi config set --secret sysuserPassword <password>
//   pulumi config set --secret wordpressPassword <password>
//   pulumi config set --secret databasePassword <password>
//   pulumi up
import * as pulumi from "@pulumi/pulumi";
import * as hosting from "../../sdk/nodejs";

const config = new pulumi.Config();

const server = new hosting.serverpilot.Server("web", {
  name: "web1",
  firewall: config.getBoolean("firewall") ?? true,
});

const deployer = new hosting.serverpilot.SysUser("deployer", {
  serverId: server.id,
  name: "deployer",
  password: config.requireSecret("sysuserPassword"),
});

const blog = new hosting.serverpilot.App("blog", {
  name: "blog",
  sysuserId: deployer.id,
  runtime: config.get("phpRuntime") ?? "php8.2",
  domains: ["example.com", "www.example.com"],
  wordpress: {
    siteTitle: "My Blog",
    adminUser: "admin",
    adminPassword: config.requireSecret("wordpressPassword"),
    adminEmail: "admin@example.com",
  },
  autoSsl: true,
  forceSsl: true,
});

const database = new hosting.serverpilot.Database("blogdb", {
  appId: blog.id,
  name: "blogdb",
  user: { name: "bloguser", password: config.requireSecret("databasePassword") },
});

export const serverId = server.id;
/** For the ServerPilot installer on the machine: secret. */
export const serverApiKey = server.apikey;
export const appId = blog.id;
export const appDomains = blog.domains;
export const databaseName = database.name;
export const databaseUser = database.user.apply((user) => user.name);
export const databasePassword = pulumi.secret(database.user.apply((user) => user.password));
