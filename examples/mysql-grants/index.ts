// A MySQL database on the DBaaS, and what lives inside it managed by @pulumi/mysql: a reporting
// user that may only read the app's tables. The mysql provider logs in with the credentials the
// DBaaS made for the database (this provider's outputs, all secrets), so nothing is copied by hand.
//
//   pulumi config set hosting:dbaasEndpoint https://dbaas.example.com
//   pulumi config set --secret hosting:dbaasApiToken <token with databases:read and databases:write>
//   pulumi config set region nyc1
//   pulumi config set --secret reportingPassword <the reporting user's password>
//   pulumi up
//
// The mysql provider must reach the database from where `pulumi up` runs: the DBaaS host and
// port come from the database's outputs.
import * as pulumi from "@pulumi/pulumi";
import * as mysql from "@pulumi/mysql";
import * as hosting from "../../sdk/nodejs";

const config = new pulumi.Config();

const database = new hosting.dbaas.Database("app", {
  name: "app-mysql",
  dbType: "mysql",
  planId: "db-s-1vcpu-1gb",
  region: config.require("region"),
});

// The DBaaS names a database for every engine but Redis.
const databaseName = database.database.apply((name) => name!);

// The database's own admin user, as the DBaaS made it; the endpoint is secret like its parts.
const admin = new mysql.Provider("app", {
  endpoint: pulumi.interpolate`${database.host}:${database.port}`,
  username: database.username,
  password: database.password,
});

const reporting = new mysql.User(
  "reporting",
  { user: "reporting", host: "%", plaintextPassword: config.requireSecret("reportingPassword") },
  { provider: admin },
);

new mysql.Grant(
  "reporting-read",
  { user: reporting.user, host: reporting.host, database: databaseName, privileges: ["SELECT"] },
  { provider: admin },
);

export const databaseId = database.id;
export { databaseName };
export const reportingUser = reporting.user;
