// A reseller's customer on the Combell reseller API: an account on a hosting servicepack, its DNS
// records (beside those Combell puts in a new zone: the hosting's A records for @ and www, its MX),
// a mailbox that forwards its mail and keeps a copy, and a MySQL database whose credentials come
// out as (secret) outputs.
//
//   pulumi config set hosting:combellApiKey <api key>
//   pulumi config set --secret hosting:combellApiSecret <api secret>
//   pulumi config set domain customer.example.com
//   pulumi config set servicepackId <id from hosting.combell.getServicepacks>
//   pulumi config set --secret databasePassword <8 to 20 letters and digits>
//   pulumi config set --secret mailboxPassword <8 to 20 letters and digits>
//   pulumi up
//
// Combell cannot delete accounts: `pulumi destroy` removes the records, the mailbox and the
// database, and leaves the account, with a warning, for you to cancel in the control panel.
import * as pulumi from "@pulumi/pulumi";
import * as hosting from "../../sdk/nodejs";

const config = new pulumi.Config();
const domain = config.require("domain");

const account = new hosting.combell.Account("customer", {
  identifier: domain,
  servicepackId: config.requireNumber("servicepackId"),
});

const records = [
  { name: "app", type: "A", recordName: "app", content: "192.0.2.10" },
  { name: "blog", type: "CNAME", recordName: "blog", content: `app.${domain}` },
  { name: "backup-mx", type: "MX", recordName: "@", content: `mx2.${domain}`, priority: 20 },
  { name: "spf", type: "TXT", recordName: "@", content: "v=spf1 mx -all" },
  { name: "caa", type: "CAA", recordName: "@", content: "0 issue letsencrypt.org" },
];
for (const { name, ...record } of records) {
  new hosting.combell.DnsRecord(name, { domainName: domain, ...record }, { dependsOn: account });
}

const database = new hosting.combell.MysqlDatabase("app", {
  databaseName: "app",
  accountId: account.id.apply(Number),
  password: config.requireSecret("databasePassword"),
});

const mailbox = new hosting.combell.Mailbox("info", {
  emailAddress: `info@${domain}`,
  accountId: account.id.apply(Number),
  password: config.requireSecret("mailboxPassword"),
  autoForward: { enabled: true, emailAddresses: [`owner@${domain}`], copyToMyself: true },
});

export const accountId = account.id;
export const mailboxLogin = mailbox.login;
export const databaseHost = database.hostname;
export const databaseName = database.name;
export const databaseUser = database.userName;
export const databasePassword = database.password;
