import { z } from "zod";
import type { OperationContext } from "../../http/client";
import { JobFailedError } from "../../http/errors";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { boundedString } from "../../kit/strings";
import { dbaasApi } from "./api";
import type { CredentialsData, DatabaseData, DbaasClient } from "./client";
import { apiName, DB_TYPES, ENGINE_VERSIONS, instanceName, newestVersion, positiveInteger, versionFailures, type DbType } from "./engines";

// Nothing in the document changes a database: there is no update call. Every input replaces it,
// and a replacement destroys the old database with all its data, so the preview says so.

const versions = Object.entries(ENGINE_VERSIONS)
  .map(([engine, list]) => `${engine} ${list.join(", ")}`)
  .join("; ");

const inputs = {
  name: field(instanceName(), { description: "The database instance's name (1 to 63 characters); the DBaaS makes its slug and host from it.", replaceOnChanges: true }),
  dbType: field(z.enum(DB_TYPES), { description: "The engine: postgresql, mysql, redis or mongodb.", replaceOnChanges: true }),
  version: field(boundedString(16).optional(), {
    description: `The engine version, one the DBaaS offers (${versions}). Default: the newest of the engine.`,
    replaceOnChanges: true,
  }),
  planId: field(apiName("a plan id such as db-s-2vcpu-4gb"), { description: "The instance size plan, e.g. db-s-2vcpu-4gb.", replaceOnChanges: true }),
  region: field(apiName("a region such as nyc1"), { description: "The region it runs in, e.g. nyc1.", replaceOnChanges: true }),
  storageGb: field(positiveInteger("GB", 65_536).default(10), { description: "Storage size in GB. Default 10.", replaceOnChanges: true }),
  replicas: field(positiveInteger("replicas", 100).default(1), { description: "Number of replicas for high availability. Default 1.", replaceOnChanges: true }),
};

const credential = (description: string) => field(z.string().optional(), { description: `${description} (from /credentials; left out of getDatabases results).`, secret: true });

const outputs = {
  status: field(z.string(), { description: "provisioning, running, stopped, error or destroyed." }),
  createdAt: field(z.string().optional(), { description: "When it was created (ISO 8601)." }),
  projectId: field(z.string().optional(), { description: "The project it belongs to." }),
  slug: field(z.string().optional(), { description: "The slug the DBaaS made from the name." }),
  host: credential("The host to connect to"),
  port: field(z.number().int().optional(), { description: "The port to connect to (from /credentials; left out of getDatabases results).", secret: true }),
  username: credential("The user to log in as; none for Redis"),
  password: credential("The password"),
  database: credential("The database to connect to; none for Redis"),
  sslMode: credential("The SSL mode to connect with (require); none for Redis"),
  connectionString: credential("A connection URL with the credentials in it"),
};

type Outputs = z.infer<z.ZodObject<typeof outputs>>;

/** The API's database as the provider sees it; the list function passes no credentials. */
export function databaseFromApi(data: DatabaseData, credentials?: CredentialsData) {
  const out: Outputs = {
    status: data.status,
    createdAt: data.created_at ?? undefined,
    projectId: data.project_id ?? undefined,
    slug: data.slug ?? undefined,
  };
  if (credentials) {
    Object.assign(out, {
      host: credentials.host,
      port: credentials.port,
      username: credentials.username ?? undefined,
      password: credentials.password,
      database: credentials.database ?? undefined,
      sslMode: credentials.ssl_mode ?? undefined,
      connectionString: credentials.connection_string,
    });
  }
  return {
    id: data.id,
    inputs: {
      name: data.name,
      dbType: data.db_type as DbType,
      version: data.version ?? undefined,
      planId: data.plan_id ?? undefined,
      region: data.region ?? undefined,
      storageGb: data.storage_gb ?? undefined,
      replicas: data.replicas ?? undefined,
    },
    outputs: out,
  };
}

/** Credentials exist once it is provisioned; while it provisions (or after an error) there are none. */
async function readDatabase(client: DbaasClient, id: string, ctx: OperationContext) {
  const data = await client.getDatabase(id, ctx);
  if (!data) return undefined;
  const provisioned = data.status === "running" || data.status === "stopped";
  return databaseFromApi(data, provisioned ? await client.getCredentials(id, ctx) : undefined);
}

/** Follows a database until it runs, then reads its credentials. */
async function provisioned(client: DbaasClient, id: string, what: string, ctx: OperationContext, recordStatus: (status: string) => void) {
  const data = await client.waitUntilProvisioned(id, what, ctx).catch((error: unknown) => {
    // Recorded even when the read-back after the failure fails too: Diff replaces on it.
    if (error instanceof JobFailedError) recordStatus(error.status);
    throw error;
  });
  const credentials = await client.getCredentials(id, ctx);
  if (!credentials) throw new Error(`DBaaS database ${id} was provisioned, but GET /databases/${id}/credentials answered 404`);
  return databaseFromApi(data, credentials).outputs;
}

export const Database = defineResource({
  token: "hosting:dbaas:Database",
  importId: "<databaseId>",
  importExample: "db_a1b2c3d4",
  example: `
const analytics = new hosting.dbaas.Database(
  "analytics",
  { name: "analytics", dbType: "postgresql", version: "16", planId: "db-s-2vcpu-4gb", region: "nyc1", storageGb: 20 },
  // Every change replaces a DBaaS database, data and all: protect refuses that, and destroy.
  { protect: true },
);

export const analyticsUrl = analytics.connectionString; // secret
`,
  destroy:
    "Deletes the database with all its data, and waits until the DBaaS no longer lists it. Give databases that hold data `protect: true`: then destroy refuses.",
  description: [
    "A DBaaS database instance: PostgreSQL, MySQL, Redis or MongoDB. Creating it waits until it leaves `provisioning` and is `running`, then reads its connection credentials (all secret); deleting it waits until it is gone.",
    "",
    "The DBaaS cannot change a database: **every change of an input replaces it**, and replacing or deleting it permanently destroys the instance and all its data. The new one is created before the old one is deleted, but nothing is copied across. Protect a database that holds data: `{ protect: true }` in its resource options makes `pulumi up` refuse the replacement and `pulumi destroy` the deletion.",
    "",
    "Its id is the DBaaS's (db_a1b2c3d4), as `pulumi import` takes it.",
  ].join("\n"),
  api: dbaasApi,
  inputs,
  outputs,
  timeouts: { create: 1800, update: 1800, delete: 900 },
  defaults: (args) => ({ version: newestVersion(args.dbType) }),
  rules: (args) => versionFailures(args.dbType, args.version),
  replaceWhen: (recorded) =>
    recorded.status === "error"
      ? { output: "status", reason: "its provisioning ended in error, which the DBaaS cannot repair; a new one is created and the broken one deleted" }
      : undefined,
  describeReplace: (olds, _news, changes) => [
    `replace DBaaS database ${olds.name} (${changes.paths.join(", ")} changed, and the DBaaS cannot change a database): the old instance and all its data are permanently destroyed once the new one runs, and nothing is copied. Set \`protect: true\` on databases that hold data`,
  ],
  async create(ctx, args) {
    const client = ctx.client;
    const body = {
      name: args.name,
      db_type: args.dbType,
      version: args.version ?? newestVersion(args.dbType),
      plan_id: args.planId,
      region: args.region,
      storage_gb: args.storageGb,
      replicas: args.replicas,
    };
    // Names are not unique here: a candidate matches every input (a replacement's old database
    // differs in some) and says when it was made; of those made since the POST, only a single one
    // is adopted.
    const created = await createOnce(ctx, {
      api: "the DBaaS",
      subject: `${args.dbType} database ${args.name}`,
      token: "hosting:dbaas:Database",
      importId: "<database id>",
      create: () => client.createDatabase(body, ctx, (id) => ctx.created(id)),
      candidates: async (look) =>
        (await client.listDatabases(look)).filter(
          (db) =>
            db.name === body.name && db.db_type === body.db_type && db.version === body.version && db.plan_id === body.plan_id && db.region === body.region &&
            db.storage_gb === body.storage_gb && db.replicas === body.replicas && db.status !== "destroyed" && !!db.created_at,
        ),
      createdAt: (db) => db.created_at ?? undefined,
      describe: (db) => `${db.name}: recorded as ${db.id}`,
    });
    ctx.created(created.id, { status: created.status, ...(created.created_at ? { createdAt: created.created_at } : {}) });
    ctx.log(`DBaaS accepted ${args.dbType} ${body.version} database ${args.name} as ${created.id} (status ${created.status}); waiting until it is running`);
    const outputs = await provisioned(client, created.id, `create ${args.dbType} database ${args.name}`, ctx, (status) => ctx.created(created.id, { status }));
    return { id: created.id, outputs };
  },
  async read(ctx, id) {
    return readDatabase(ctx.client, id, ctx);
  },
  // Every input replaces: an update only ever finishes a create that was interrupted (a timeout,
  // Cancel), following the database until it runs.
  async update(ctx, id, _olds, _news, changes) {
    if (changes.paths.length > 0) throw new Error(`DBaaS database ${id} cannot be changed in place (${changes.paths.join(", ")}); it must be replaced`);
    return provisioned(ctx.client, id, `finish creating database ${id}`, ctx, () => undefined);
  },
  async delete(ctx, id) {
    await ctx.client.deleteDatabase(id, ctx);
  },
});
