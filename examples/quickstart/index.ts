// A ServerPilot server with a system user, a WordPress app served over AutoSSL with ForceSSL,
// and a MySQL database for it; and, through the reseller API, a customer's account with its DNS
// records and a MySQL database.
//
//   pulumi config set hosting:serverpilotClientId <client id>
//   pulumi config set --secret hosting:serverpilotApiKey <api key>
//   pulumi config set --secret sysuserPassword <password>
//   pulumi config set --secret wordpressPassword <password>
//   pulumi config set --secret databasePassword <password>
//   pulumi config set hosting:combellApiKey <api key>
//   pulumi config set --secret hosting:combellApiSecret <api secret>
//   pulumi config set --secret shopDatabasePassword <8 to 20 letters and digits>
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
