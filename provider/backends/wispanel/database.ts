import { z } from "zod";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import type { ResourceContext } from "../../kit/context";
import { InputError, type CheckFailure } from "../../kit/errors";
import { urnName } from "../../kit/urn";
import { wisPanelApi } from "./api";
import type { DatabaseData, WisPanelClient } from "./client";
import { databaseName, databaseUser, domainName, normalizeDomain, password, remoteHost } from "./rules";
import type { OperationContext } from "../../http/client";

const inputs = {
  name: field(databaseName(), {
    description:
      "The database's name without the owner prefix: letters, digits and '_'. WisPanel prefixes it with the API key's owner (mydb becomes john_mydb): `fullName` is the real one, and the id.",
    replaceOnChanges: true,
  }),
  user: field(databaseUser(), {
    description: "The MySQL user made with the database, without the owner prefix (mydb_user becomes john_mydb_user): letters, digits and '_'.",
    replaceOnChanges: true,
  }),
  password: field(password(), {
    description: "The user's password. Changed in place (reset-password); WisPanel never returns it.",
    secret: true,
    writeOnly: true,
  }),
  domain: field(domainName().optional(), {
    description: "The domain the database belongs to in the panel.",
    replaceOnChanges: true,
    normalize: normalizeDomain,
  }),
  remoteAccess: field(z.boolean().default(false), {
    description: "Whether the user may connect from `remoteHost`, not only from the panel's machine. Changed in place.",
  }),
  remoteHost: field(remoteHost().optional(), {
    description: 'Where the user may connect from when `remoteAccess` is on: a host, an IP address, or a pattern; "%" allows any host. Changed in place.',
  }),
};

const outputs = {
  fullName: field(z.string(), { description: "The database's name with the owner prefix (john_mydb); also its id." }),
  fullUser: field(z.string(), { description: "The MySQL user's name with the owner prefix (john_mydb_user): the one to log in with." }),
  owner: field(z.string(), { description: "The panel user who owns the database: the API key's owner, whose username prefixes the names." }),
  sizeKb: field(z.number().optional(), { description: "What the database holds, in KB, when last read." }),
  createdAt: field(z.string().optional(), { description: "When the database was created (ISO 8601)." }),
};

/** `john_mydb` -> `mydb` for owner john; a name without the prefix stays as it is. */
function unprefixed(value: string, owner: string): string {
  return owner !== "" && value.startsWith(`${owner}_`) ? value.slice(owner.length + 1) : value;
}

/** The API's database as the provider sees it; the list function uses the same mapping. */
export function databaseFromApi(data: DatabaseData) {
  return {
    id: data.id,
    inputs: {
      name: unprefixed(data.name, data.owner),
      user: unprefixed(data.user, data.owner),
      domain: data.domain || undefined,
      remoteAccess: data.remote_access ?? false,
      remoteHost: data.remote_access ? data.remote_host || undefined : undefined,
    },
    outputs: {
      fullName: data.name,
      fullUser: data.user,
      owner: data.owner,
      sizeKb: data.size_kb ?? undefined,
      createdAt: data.created_at ?? undefined,
    },
  };
}

async function readDatabase(client: WisPanelClient, id: string, ctx: OperationContext) {
  const data = await client.getDatabase(id, ctx);
  return data && databaseFromApi(data);
}

/**
 * A name already taken at create (not one the create itself made and failed to report, which
 * createOnce finds) may be someone's database: never adopted silently (that would reset their
 * password), but the refusal says how to import it.
 */
async function withImportHint(client: WisPanelClient, name: string, ctx: ResourceContext<WisPanelClient>, error: unknown): Promise<unknown> {
  if (!(error instanceof InputError) || !error.failures.some((f) => f.property === "name" && f.reason.includes("(409)"))) return error;
  const taken = (await client.listDatabases(ctx).catch(() => [])).find((db) => unprefixed(db.name, db.owner) === name);
  if (!taken) return error;
  const hint = `; if it is the one this program made, import it: pulumi import ${Database.token} ${urnName(ctx.urn)} ${taken.id}`;
  return new InputError(
    error.failures.map((f) => (f.property === "name" ? { ...f, reason: f.reason + hint } : f)),
    { cause: error.cause },
  );
}

function remoteRules(args: { remoteAccess?: boolean; remoteHost?: string }): CheckFailure[] {
  if (args.remoteAccess && args.remoteHost === undefined) {
    return [{ property: "remoteHost", reason: 'is required when remoteAccess is true: the host, address or pattern the user may connect from ("%" allows any host)' }];
  }
  if (!args.remoteAccess && args.remoteHost !== undefined) {
    return [{ property: "remoteHost", reason: "applies only when remoteAccess is true; set remoteAccess: true, or leave remoteHost out" }];
  }
  return [];
}

export const Database = defineResource({
  token: "hosting:wispanel:Database",
  importId: "<fullName>",
  importExample: "john_forum",
  example: `
const forum = new hosting.wispanel.Database("forum", {
  name: "forum",
  user: "forum",
  password: config.requireSecret("forumDbPassword"),
  remoteAccess: true,
  remoteHost: "203.0.113.7",
});

export const forumDatabase = forum.fullName; // with the owner's prefix: john_forum
export const forumUser = forum.fullUser;
`,
  destroy:
    "Drops the database and its user.",
  description:
    "A MySQL/MariaDB database in WisPanel with its user. Its name and user are prefixed with the API key's owner when it is created, so `fullName` (the id, as `pulumi import` takes it), `fullUser` and `owner` are known only after the first create. The password and remote access change in place; deleting it drops the database and its user.",
  api: wisPanelApi,
  inputs,
  outputs,
  // Names and users are unique per owner: a replacement that keeps either must delete first.
  uniqueKeys: (args) => [`name:${args.name.toLowerCase()}`, `user:${args.user.toLowerCase()}`],
  rules: (args) => remoteRules(args),
  async create(ctx, args) {
    const client = ctx.client;
    const created = await createOnce(ctx, {
      api: "WisPanel",
      subject: `database ${args.name}`,
      token: "hosting:wispanel:Database",
      importId: `<full name, such as john_${args.name}>`,
      create: () => client.createDatabase({ name: args.name, user: args.user, password: args.password, domain: args.domain }, ctx, (id) => ctx.created(id)),
      // Names and users are unique per owner: one with both of the program's is the one asked for,
      // when the list is one owner's. An admin's key lists every user's databases, and which owner
      // is the key's is not known before its first create: mary_forum is not admin's forum.
      candidates: async (look) => {
        const listed = await client.listDatabases(look);
        if (new Set(listed.map((db) => db.owner)).size > 1) return [];
        return listed.filter((db) => unprefixed(db.name, db.owner) === args.name && unprefixed(db.user, db.owner) === args.user);
      },
      createdAt: (db) => db.created_at ?? undefined,
      describe: (db) => `${db.id}: recorded`,
    }).catch(async (error: unknown) => {
      throw await withImportHint(client, args.name, ctx, error);
    });
    ctx.created(created.id, { fullName: created.name, fullUser: created.user, owner: created.owner, createdAt: created.created_at ?? undefined });
    if (args.remoteAccess) await client.updateDatabase(created.id, { remote_access: true, remote_host: args.remoteHost! }, ctx);
    const observed = await readDatabase(client, created.id, ctx);
    if (!observed) throw new Error(`database ${created.id} was created, but WisPanel does not know it (GET /api/v1/databases/${created.id} answered 404)`);
    return { id: created.id, outputs: observed.outputs };
  },
  async read(ctx, id) {
    return readDatabase(ctx.client, id, ctx);
  },
  async update(ctx, id, olds, news, changes) {
    const client = ctx.client;
    if (changes.has("password")) {
      await client.resetPassword(id, news.password, ctx);
      ctx.applied(["password"]);
    }
    if (changes.has("remoteAccess") || changes.has("remoteHost")) {
      // The panel's PUT takes both: remote access off leaves no host behind.
      await client.updateDatabase(id, { remote_access: news.remoteAccess, remote_host: news.remoteAccess ? news.remoteHost! : "" }, ctx);
    }
    const observed = await readDatabase(client, id, ctx);
    if (!observed) throw new Error(`database ${id} no longer exists in WisPanel`);
    return observed.outputs;
  },
  describeUpdate(_olds, _news, changes) {
    const steps: string[] = [];
    if (changes.has("password")) steps.push("reset the user's password (POST /databases/{id}/reset-password)");
    if (changes.has("remoteAccess") || changes.has("remoteHost")) steps.push("change remote access (PUT /databases/{id})");
    return steps;
  },
  async delete(ctx, id) {
    await ctx.client.deleteDatabase(id, ctx);
  },
});
