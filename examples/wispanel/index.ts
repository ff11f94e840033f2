// A shop's MySQL database in WisPanel, filed under its domain, with the user the shop's app logs
// in as: from the panel's own machine, and from the app servers' addresses too. A single-use
// phpMyAdmin login to it comes out as a secret output, for whoever needs to look inside.
//
//   pulumi config set hosting:wispanelEndpoint https://panel.example.com:2083
//   pulumi config set --secret hosting:wispanelApiToken <API key, wsp_...>
//   pulumi config set hosting:wispanelCaCertificate < panel-ca.pem   # only for a self-signed panel
//   pulumi config set domain shop.example.com
//   pulumi config set appServers 10.0.0.%
//   pulumi config set --secret databasePassword <the app user's password>
//   pulumi up
//   pulumi stack output --show-secrets phpMyAdminUrl
//
// WisPanel prefixes the name and the user with the API key's owner (shop becomes john_shop):
// log in as databaseUser (its fullUser), not as the user asked for. Every `pulumi preview` and
// `pulumi up` asks for a new phpMyAdmin login, and the URL logs in whoever opens it first.
import * as pulumi from "@pulumi/pulumi";
import * as hosting from "../../sdk/nodejs";

const config = new pulumi.Config();

const database = new hosting.wispanel.Database("shop", {
  name: "shop",
  user: "shop_app",
  password: config.requireSecret("databasePassword"),
  domain: config.require("domain"),
  remoteAccess: true,
  remoteHost: config.require("appServers"),
});

// The id is known only once the database exists: the login is asked for then.
const phpMyAdmin = hosting.wispanel.getPhpMyAdminLoginOutput({ id: database.id });

export const databaseName = database.fullName;
export const databaseUser = database.fullUser;
export const phpMyAdminUrl = phpMyAdmin.url;
