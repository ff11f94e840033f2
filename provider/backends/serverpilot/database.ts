import { z } from "zod";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { serverPilotApi } from "./api";
import type { DatabaseData } from "./client";
import { apiId, databaseName, databaseUserName, password } from "./rules";

const inputs = {
  appId: field(apiId("an app id"), {
    description: "The app the database belongs to.",
    replaceOnChanges: true,
  }),
  name: field(databaseName(), {
    description: "The MySQL database name: 3 to 64 lowercase letters, digits and '-'.",
    replaceOnChanges: true,
  }),
  user: field(
    z.strictObject({
      name: field(databaseUserName(), {
        description: "The database user's name, at most 16 characters.",
        replaceOnChanges: true,
      }),
      password: field(password(), {
        description: "The database user's password, 8 to 200 characters without surrounding whitespace. ServerPilot never returns it.",
        secret: true,
        writeOnly: true,
      }),
    }),
    { description: "The database's only user.", typeName: "DatabaseUser" },
  ),
};

const outputs = {
  serverId: field(z.string(), { description: "The server the database lives on." }),
  userId: field(z.string(), { description: "The id of the database user." }),
};

/** The API's database as the provider sees it; the list function uses the same mapping. */
export function databaseFromApi(data: DatabaseData) {
  return {
    id: data.id,
    inputs: { appId: data.appid, name: data.name, user: { name: data.user.name } },
    outputs: { serverId: data.serverid, userId: data.user.id },
  };
}

export const Database = defineResource({
  token: "hosting:serverpilot:Database",
  importId: "<databaseId>",
  importExample: "8PV1OIAlAW3jbGmM",
  example: `
const database = new hosting.serverpilot.Database("blogdb", {
  appId: config.require("appId"),
  name: "blogdb",
  user: { name: "bloguser", password: config.requireSecret("blogDbPassword") },
});

export const databaseName = database.name;
`,
  description: "A MySQL database of an app, with its one user.",
  api: serverPilotApi,
  inputs,
  outputs,
  // Database names and user names are unique per server.
  uniqueKeys: (args) => [args.name, args.user?.name ?? ""],
  async create(ctx, args) {
    const client = ctx.client;
    // Database and user names are unique per server, and databases carry no creation time: the
    // app, the name and the user's name decide.
    const created = await createOnce(ctx, {
      api: "ServerPilot",
      subject: `database ${args.name}`,
      token: "hosting:serverpilot:Database",
      importId: "<database id>",
      create: () => client.createDatabase({ appid: args.appId, name: args.name, user: args.user }, ctx, (id) => ctx.created(id)),
      candidates: async (look) =>
        (await client.listDatabases(look))
          .filter((db) => db.appid === args.appId && db.name === args.name && db.user.name === args.user.name)
          .map((data) => ({ data, what: `create database ${args.name}` })),
      describe: (found) => `database ${args.name}: recorded as ${found.data.id}`,
    });
    const { id, outputs } = databaseFromApi(created.data);
    ctx.created(id, outputs);
    await ctx.client.settle(created, ctx);
    return { id, outputs };
  },
  async read(ctx, id) {
    const data = await ctx.client.getDatabase(id, ctx);
    return data && databaseFromApi(data);
  },
  async update(ctx, id, olds, news, changes) {
    // Only the password changes in place; everything else replaces the database.
    if (!changes.has("user.password")) return olds.outputs;
    // A user id the state does not hold (or holds as something else) is read from the API.
    const userId = olds.outputs.userId ?? (await ctx.client.getDatabase(id, ctx))?.user.id;
    if (userId === undefined) throw new Error(`database ${id} was not found: its password cannot be changed`);
    const { data } = await ctx.client.updateDatabasePassword(id, { id: userId, password: news.user.password }, ctx);
    return databaseFromApi(data).outputs;
  },
  async delete(ctx, id) {
    await ctx.client.deleteDatabase(id, ctx);
  },
});
