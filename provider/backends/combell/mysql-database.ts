import { z } from "zod";
import type { OperationContext } from "../../http/client";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import type { MysqlDatabaseData, MysqlUserData } from "./answers";
import { combellApi } from "./api";
import type { CombellClient } from "./client";
import { deletableId, readProvisioned, updatableId } from "./pending-job";
import { foundAs, provisioned, provisionedId, UNTIL_LISTED } from "./provisioned-create";
import { databaseName, int32Id, password, PASSWORD_RULE, unprefixedDatabaseName } from "./rules";

const inputs = {
  databaseName: field(databaseName(), {
    description:
      "The name asked for, 2 to 14 lowercase letters and digits (the rule of Combell's MySQL user names, as the database's user takes its name). Combell prefixes it when it provisions the database (tests becomes ID111125_tests): the `name` output is the real one.",
    replaceOnChanges: true,
  }),
  accountId: field(int32Id("an account id"), {
    description: "The account the database belongs to (an Account's id).",
    replaceOnChanges: true,
  }),
  password: field(password(), {
    description: `The password of the database's user: ${PASSWORD_RULE}. Changed in place. Combell never returns it.`,
    secret: true,
    writeOnly: true,
  }),
};

const outputs = {
  name: field(z.string(), { description: "The database's name as provisioned, with its prefix (ID111125_tests); also its id." }),
  hostname: field(z.string(), { description: "The host to connect to (ID111125_tests.db.webhosting.be)." }),
  userName: field(z.string().optional(), {
    description: "The database user the password belongs to: the one named like the database, else its first read-and-write user (left out of getMysqlDatabases results).",
  }),
  userCount: field(z.number().int().optional(), { description: "How many users the database has." }),
  maxSize: field(z.number().int().optional(), { description: "The most the database may hold, in MB." }),
  actualSize: field(z.number().int().optional(), { description: "What the database holds, in MB." }),
};

/** The user a database is created with, whose password the resource manages. */
function mainUser(database: string, users: readonly MysqlUserData[]): string | undefined {
  const user = users.find((u) => u.name === database) ?? users.find((u) => u.rights === "read_and_write") ?? users[0];
  return user?.name;
}

/** The API's database as the provider sees it; the list function passes no users. */
export function databaseFromApi(data: MysqlDatabaseData, users?: readonly MysqlUserData[]) {
  return {
    id: data.name,
    inputs: { databaseName: unprefixedDatabaseName(data.name), accountId: data.account_id },
    outputs: {
      name: data.name,
      hostname: data.hostname,
      userName: users && mainUser(data.name, users),
      userCount: data.user_count ?? undefined,
      maxSize: data.max_size ?? undefined,
      actualSize: data.actual_size ?? undefined,
    },
  };
}

async function readDatabase(client: CombellClient, name: string, ctx: OperationContext) {
  const data = await client.getMysqlDatabase(name, ctx);
  return data && databaseFromApi(data, await client.listMysqlUsers(name, ctx));
}

const PENDING = { collection: "mysqldatabases", subject: "MySQL database" };

export const MysqlDatabase = defineResource({
  token: "hosting:combell:MysqlDatabase",
  importId: "<provisioned name>",
  importExample: "ID111125_shop",
  example: `
const shopDb = new hosting.combell.MysqlDatabase("shopdb", {
  accountId: config.requireNumber("shopAccountId"),
  databaseName: "shop",
  password: config.requireSecret("shopDbPassword"),
});

export const shopDbName = shopDb.name; // with Combell's prefix: ID111125_shop
export const shopDbHost = shopDb.hostname;
export const shopDbUser = shopDb.userName;
`,
  destroy:
    "Deletes the database and its data, and waits until Combell no longer lists it.",
  description:
    "A MySQL database of a reseller account, with the user it is created with. Creating it starts a provisioning job the provider follows until the database exists; the password changes in place; deleting it waits until Combell no longer lists it. Its id is the provisioned name (ID111125_tests), as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  // Whether the prefix is the account's or the reseller's, a replacement that keeps the name
  // could collide with the old database: it goes first.
  uniqueKeys: (args) => [args.databaseName.toLowerCase()],
  async create(ctx, args) {
    const client = ctx.client;
    const wanted = args.databaseName.toLowerCase();
    const mine = async (lookCtx: OperationContext) =>
      (await client.listMysqlDatabases(lookCtx)).find((db) => db.account_id === args.accountId && unprefixedDatabaseName(db.name).toLowerCase() === wanted)?.name;
    // The job's id was in a lost answer: the database is found only once the job has finished.
    const answer = await createOnce(ctx, {
      api: "Combell",
      untilListed: UNTIL_LISTED,
      subject: `MySQL database ${args.databaseName} of account ${args.accountId}`,
      token: "hosting:combell:MysqlDatabase",
      importId: `<provisioned name, such as ID${args.accountId}_${wanted}>`,
      create: () => client.createMysqlDatabase({ database_name: args.databaseName, account_id: args.accountId, password: args.password }, ctx),
      candidates: async (look) => {
        const found = await mine(look);
        return found ? [provisioned("mysqldatabases", found)] : [];
      },
      describe: foundAs(`MySQL database ${args.databaseName}`, "mysqldatabases"),
    });
    const id = await provisionedId(ctx, {
      answer,
      collection: "mysqldatabases",
      subject: `MySQL database ${args.databaseName}`,
      follow: (job, jobCtx) => client.followJob(job, `create MySQL database ${args.databaseName} in account ${args.accountId}`, jobCtx),
      find: mine,
      importHint: "pulumi import hosting:combell:MysqlDatabase <name> <provisioned name, such as ID111125_tests>",
    });
    const observed = await readDatabase(client, id, ctx);
    if (!observed) throw new Error(`MySQL database ${id} was provisioned, but Combell does not know it (GET /v2/mysqldatabases/${id} answered 404)`);
    return { id, outputs: observed.outputs };
  },
  async read(ctx, id) {
    return readProvisioned(ctx, id, PENDING, (name) => readDatabase(ctx.client, name, ctx));
  },
  async update(ctx, recordedId, olds, news, changes) {
    const id = await updatableId(ctx, recordedId, PENDING);
    const client = ctx.client;
    // Only the password changes in place; an update without a change finishes a half-created database.
    if (changes.has("password")) {
      const user = olds.outputs.userName ?? (await readDatabase(client, id, ctx))?.outputs.userName;
      if (!user) throw new Error(`MySQL database ${id} has no user whose password could be changed`);
      await client.changeMysqlUserPassword(id, user, news.password, ctx);
    }
    const observed = await readDatabase(client, id, ctx);
    if (!observed) throw new Error(`MySQL database ${id} no longer exists`);
    return observed.outputs;
  },
  async delete(ctx, recordedId) {
    const id = await deletableId(ctx, recordedId, PENDING);
    if (id !== undefined) await ctx.client.deleteMysqlDatabase(id, ctx);
  },
});
