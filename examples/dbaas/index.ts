// An app's data on a DBaaS: a PostgreSQL database for what it keeps, and a Redis instance for
// what it can rebuild (sessions, a cache). Each one's connection string, credentials included,
// comes out as a secret output.
//
//   pulumi config set hosting:dbaasEndpoint https://dbaas.example.com
//   pulumi config set --secret hosting:dbaasApiToken <token with databases:read and databases:write>
//   pulumi config set region nyc1
//   pulumi up
//   pulumi stack output --show-secrets postgresConnectionString
//
// The DBaaS cannot change a database: any change of an input replaces it, and the old one goes
// with all its data. The PostgreSQL database is therefore protected, so neither a replacement
// nor `pulumi destroy` can remove it. To tear down a stack whose data may go (a test stack):
//
//   pulumi config set protect false
//   pulumi up
//   pulumi destroy
import * as pulumi from "@pulumi/pulumi";
import * as hosting from "../../sdk/nodejs";

const config = new pulumi.Config();
const region = config.require("region");
const protect = config.getBoolean("protect") ?? true;

const postgres = new hosting.dbaas.Database(
  "main",
  { name: "app-postgres", dbType: "postgresql", version: "16", planId: "db-s-2vcpu-4gb", region, storageGb: 20 },
  { protect },
);

// Unprotected: losing the cache costs the app a warm-up, not data.
const redis = new hosting.dbaas.Database("cache", { name: "app-cache", dbType: "redis", planId: "db-s-1vcpu-1gb", region });

export const postgresId = postgres.id;
export const postgresConnectionString = postgres.connectionString;
export const redisId = redis.id;
export const redisConnectionString = redis.connectionString;
