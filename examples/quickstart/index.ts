// A ServerPilot server with a system user, a WordPress app served over AutoSSL with ForceSSL,
// and a MySQL database for it; through the reseller API, a customer's account with its DNS
// records, a mailbox and a MySQL database; a game server's database on its panel; a WisPanel
// database; and a PostgreSQL database on the DBaaS.
//
//   pulumi config set hosting:serverpilotClientId <client id>
//   pulumi config set --secret hosting:serverpilotApiKey <api key>
//   pulumi config set --secret sysuserPassword <password>
//   pulumi config set --secret wordpressPassword <password>
//   pulumi config set --secret databasePassword <password>
//   pulumi config set hosting:combellApiKey <api key>
//   pulumi config set --secret hosting:combellApiSecret <api secret>
//   pulumi config set --secret shopDatabasePassword <8 to 20 letters and digits>
//   pulumi config set --secret shopMailboxPassword <8 to 20 letters and digits>
//   pulumi config set hosting:pterodactylEndpoint https://panel.example.com
//   pulumi config set --secret hosting:pterodactylApiKey <ptla_ key>
//   pulumi config set gameServerId <the server's numeric id>     # default 1
//   pulumi config set gameDatabaseHostId <a database host's id>  # default 1
//   pulumi config set hosting:wispanelEndpoint https://panel.example.com:2083
//   pulumi config set --secret hosting:wispanelApiToken <wsp_ key>
//   pulumi config set --secret forumDatabasePassword <at least 8 characters>
//   pulumi config set hosting:dbaasEndpoint https://dbaas.example.com
//   pulumi config set --secret hosting:dbaasApiToken <token>
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

// The reseller part: a customer account on a hosting servicepack, found by name.
const hostingPack = hosting.combell
  .getServicepacksOutput()
  .apply((result) => result.servicepacks.find((pack) => pack.name.startsWith("Linux hosting")));
const shop = new hosting.combell.Account("shop", {
  identifier: "shop.example.com",
  servicepackId: hostingPack.apply((pack) => {
    if (!pack) throw new Error("the reseller has no Linux hosting servicepack");
    return pack.id;
  }),
});

new hosting.combell.DnsRecord("shop-app", {
  domainName: "shop.example.com",
  type: "A",
  recordName: "app",
  content: "192.0.2.10",
  ttl: config.getNumber("shopTtl") ?? 3600,
}, { dependsOn: shop });
new hosting.combell.DnsRecord("shop-spf", {
  domainName: "shop.example.com",
  type: "TXT",
  recordName: "@",
  content: "v=spf1 mx -all",
}, { dependsOn: shop });
new hosting.combell.DnsRecord("shop-sip", {
  domainName: "shop.example.com",
  type: "SRV",
  service: "_sip",
  protocol: "TCP",
  target: "sip.shop.example.com",
  port: 5060,
  priority: 10,
  weight: 5,
}, { dependsOn: shop });

const shopDatabase = new hosting.combell.MysqlDatabase("shopdb", {
  databaseName: "shop",
  accountId: shop.id.apply(Number),
  password: config.requireSecret("shopDatabasePassword"),
});

const shopMailbox = new hosting.combell.Mailbox("shop-info", {
  emailAddress: "info@shop.example.com",
  accountId: shop.id.apply(Number),
  password: config.requireSecret("shopMailboxPassword"),
  autoReply: { enabled: true, subject: "Thanks for writing", message: "We answer within a day." },
});

export const shopAccountId = shop.id;
export const shopMailboxLogin = shopMailbox.login;
export const shopDatabaseName = shopDatabase.name;
export const shopDatabaseHost = shopDatabase.hostname;
export const shopDatabaseUser = shopDatabase.userName;
export const shopDatabasePassword = shopDatabase.password;

// The game server's database on its panel (Pterodactyl or Pelican): the panel names it and makes
// its user and password, which come out as outputs.
const gameDatabase = new hosting.pterodactyl.ServerDatabase("game-stats", {
  serverId: config.getNumber("gameServerId") ?? 1,
  database: "stats",
  host: config.getNumber("gameDatabaseHostId") ?? 1,
  passwordRotation: config.get("gamePasswordRotation") ?? "initial",
});

export const gameDatabaseName = gameDatabase.name;
export const gameDatabaseUser = gameDatabase.username;
export const gameDatabasePassword = gameDatabase.password;

// A database on a WisPanel server, with its user. The panel puts its owner's prefix in front of
// both names: fullName and fullUser are what to connect with.
const forumDatabase = new hosting.wispanel.Database("forum", {
  name: "forum",
  user: "forum",
  password: config.requireSecret("forumDatabasePassword"),
});

export const forumDatabaseName = forumDatabase.fullName;
export const forumDatabaseUser = forumDatabase.fullUser;

// A PostgreSQL database on the DBaaS. Nothing about a DBaaS database can change in place: every
// change replaces it, data and all, so a real program protects it (here a config switch, so the
// quickstart can destroy what it made).
const analytics = new hosting.dbaas.Database("analytics", {
  name: "analytics",
  dbType: "postgresql",
  planId: "starter",
  region: "eu-west",
}, { protect: config.getBoolean("protectAnalytics") ?? true });

export const analyticsHost = analytics.host;
export const analyticsPort = analytics.port;
export const analyticsUser = analytics.username;
export const analyticsPassword = analytics.password;
export const analyticsDatabase = analytics.database;
