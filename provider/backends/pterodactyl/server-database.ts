import { z } from "zod";
import { field } from "../../kit/fields";
import { defineResource } from "../../kit/resource";
import type { ResourceContext } from "../../kit/context";
import { containsUnknown } from "../../kit/values";
import { pterodactylApi } from "./api";
import type { DatabaseData, PterodactylClient } from "./client";
import { createDatabaseOnce } from "./create";
import { databaseIdOf, parseDatabaseId } from "./ids";
import { databaseName, nameFitsFailure, numericId, remote, requestedName, storedName } from "./rules";

const inputs = {
  serverId: field(numericId("a server id"), {
    description: "The numeric id of the server the database belongs to (the panel's routes take the id, not the UUID).",
    replaceOnChanges: true,
  }),
  database: field(databaseName(), {
    description:
      "The name asked for: letters, digits, '_' and '-'. The panel stores it prefixed with the server (s12_ + name, 48 characters in all); the `name` output is the stored one.",
    replaceOnChanges: true,
  }),
  remote: field(remote().default("%"), {
    description: "Where the database user may connect from: an IPv4 address or pattern (192.168.%), % for anywhere (the default).",
    replaceOnChanges: true,
  }),
  host: field(numericId("a database host id"), {
    description: "The id of the panel's database host the database is created on.",
    replaceOnChanges: true,
  }),
  passwordRotation: field(z.string().optional(), {
    description:
      "Any text; changing it (setting, changing or removing it) has the panel reset the password in place, and the new one is read back. The panel does not store this value: the provider keeps the last one applied.",
    writeOnly: true,
  }),
};

const outputs = {
  name: field(z.string(), { description: "The database's name as stored, with its prefix (s12_name)." }),
  username: field(z.string(), { description: "The database user the panel made (u12_ and 10 random characters)." }),
  password: field(z.string().optional(), {
    description: "The database user's password, which the panel generates (absent when the API key may not read it).",
    secret: true,
  }),
  maxConnections: field(z.number().int().optional(), { description: "The most connections the user may open at once (0: no limit)." }),
  createdAt: field(z.string().optional(), { description: "When the database was created (ISO 8601)." }),
  updatedAt: field(z.string().optional(), { description: "When it last changed, a password reset included (ISO 8601)." }),
};

/** The panel's database as the provider sees it; the list function uses the same mapping. */
export function serverDatabaseFromApi(data: DatabaseData) {
  return {
    id: databaseIdOf(data.server, data.id),
    inputs: { serverId: data.server, database: requestedName(data.server, data.database), remote: data.remote, host: data.host },
    outputs: {
      name: data.database,
      username: data.username,
      password: data.password,
      maxConnections: data.maxConnections,
      createdAt: data.createdAt,
      updatedAt: data.updatedAt,
    },
  };
}

const NO_PASSWORD = "the panel did not show the database's password: the API key may not read database passwords";

/** The database read back with its password; an error when it is gone. */
async function readBack(ctx: ResourceContext<PterodactylClient>, id: string) {
  const { serverId, databaseId } = parseDatabaseId(id);
  const data = await ctx.client.getDatabase(serverId, databaseId, ctx);
  if (!data) throw new Error(`server database ${id} no longer exists (GET answered 404)`);
  return serverDatabaseFromApi(data).outputs;
}

export const ServerDatabase = defineResource({
  token: "hosting:pterodactyl:ServerDatabase",
  importId: "<serverId>/<databaseId>",
  importExample: "12/34",
  example: `
const stats = new hosting.pterodactyl.ServerDatabase("stats", {
  serverId: 12,
  host: 1,
  database: "stats",
  remote: "203.0.113.%",
  // Change it (to a date, say) to have the panel make a new password.
  passwordRotation: "2025-06",
});

export const statsDatabase = stats.name; // s12_stats
export const statsUser = stats.username;
export const statsPassword = stats.password; // secret
`,
  destroy:
    "Deletes the database and its user on the database host.",
  description:
    "A MySQL database of a game server on a Pterodactyl or Pelican panel, with the user and password the panel makes for it. The panel cannot change a database: a new name, remote or host replaces it; `passwordRotation` resets the password in place. Its id is serverId/databaseId (12/34), as `pulumi import` takes it.",
  api: pterodactylApi,
  inputs,
  outputs,
  // Names are unique per server: a replacement that keeps the name must delete the old one first.
  uniqueKeys: (args) => [`${args.serverId}/${args.database}`],
  rules(args) {
    const problem = nameFitsFailure(args.serverId, args.database);
    return problem ? [{ property: "database", reason: problem }] : [];
  },
  // The stored name is known once the server and the name are (not when either comes from another resource).
  previewOutputs: (args) => (typeof args.serverId === "number" && !containsUnknown(args.database) ? { name: storedName(args.serverId, args.database) } : {}),
  describeUpdate: (olds) => [`have the panel reset the password of ${storedName(olds.serverId, olds.database)}`],
  async create(ctx, args) {
    const body = { database: args.database, remote: args.remote, host: args.host };
    const created = await createDatabaseOnce(ctx, args.serverId, body, (databaseId) => ctx.created(databaseIdOf(args.serverId, databaseId)));
    const id = databaseIdOf(args.serverId, created.id);
    let { outputs } = serverDatabaseFromApi(created);
    ctx.created(id, outputs);
    // The real panel shows the password only where it was included; read it if it was not.
    if (outputs.password === undefined) outputs = await readBack(ctx, id);
    if (outputs.password === undefined) ctx.warn(NO_PASSWORD);
    return { id, outputs };
  },
  async read(ctx, id) {
    const { serverId, databaseId } = parseDatabaseId(id);
    const data = await ctx.client.getDatabase(serverId, databaseId, ctx);
    return data && serverDatabaseFromApi(data);
  },
  async update(ctx, id, olds, _news, changes) {
    // Only passwordRotation changes in place; an update without it finishes a half-done one.
    let fromReset: string | undefined;
    if (changes.has("passwordRotation")) {
      const { serverId, databaseId } = parseDatabaseId(id);
      ctx.log(`resetting the password of ${olds.outputs.name ?? `database ${id}`}`);
      fromReset = await ctx.client.resetPassword(serverId, databaseId, ctx);
      // Done: a read-back that fails now must not have the next up reset it again.
      ctx.applied(["passwordRotation"]);
    }
    const outputs = await readBack(ctx, id);
    // The document's reset answers with the password; the real panel's with 204, so it is read.
    outputs.password ??= fromReset;
    if (outputs.password === undefined) ctx.warn(NO_PASSWORD);
    return outputs;
  },
  async delete(ctx, id) {
    const { serverId, databaseId } = parseDatabaseId(id);
    await ctx.client.deleteDatabase(serverId, databaseId, ctx);
  },
});
