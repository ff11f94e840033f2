import { z } from "zod";
import type { OperationContext } from "../../http/client";
import { InputError } from "../../kit/errors";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import type { AccountData, AccountDetailData } from "./answers";
import { combellApi } from "./api";
import type { CombellClient } from "./client";
import { deletableId, readProvisioned, updatableId } from "./pending-job";
import { foundAs, provisioned, provisionedId, UNTIL_LISTED } from "./provisioned-create";
import { identifier, int32Id, password, PASSWORD_RULE } from "./rules";

const inputs = {
  identifier: field(identifier(), {
    description: "The account's identifier, 1 to 255 characters; for a hosting account, its domain name (example.com).",
    replaceOnChanges: true,
    normalize: (value) => (typeof value === "string" ? value.toLowerCase() : value),
  }),
  servicepackId: field(int32Id("a servicepack id"), {
    description: "The servicepack the account is an instance of (see getServicepacks).",
    replaceOnChanges: true,
  }),
  ftpPassword: field(password().optional(), {
    description: `The FTP password, for servicepacks with hosting: ${PASSWORD_RULE}. Used only when the account is created: the API cannot change it later, so a new value is recorded with a warning and the account keeps its password. Combell never returns it.`,
    secret: true,
    writeOnly: true,
    onlyAtCreate: true,
  }),
};

const outputs = {
  servicepackName: field(z.string().optional(), { description: "The servicepack's name (left out of getAccounts results)." }),
  addons: field(
    z
      .array(
        field(
          z.object({
            id: field(z.number().int(), { description: "The addon's id." }),
            name: field(z.string(), { description: "The addon's name." }),
          }),
          { description: "An addon of the account.", typeName: "AccountAddon" },
        ),
      )
      .optional(),
    { description: "The addons applied to the account (left out of getAccounts results)." },
  ),
};

/** The API's account as the provider sees it: GET /accounts/{id}, or an item of GET /accounts. */
export function accountFromApi(data: AccountDetailData | AccountData) {
  const detailed = "servicepack" in data;
  return {
    id: String(data.id),
    inputs: { identifier: data.identifier, servicepackId: detailed ? data.servicepack.id : data.servicepack_id },
    outputs: detailed ? { servicepackName: data.servicepack.name, addons: data.addons ?? [] } : {},
  };
}

const sameIdentifier = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function accountsNamed(client: CombellClient, name: string, ctx: OperationContext): Promise<AccountData[]> {
  return (await client.listAccounts({ identifier: name }, ctx)).filter((a) => sameIdentifier(a.identifier, name));
}

const PENDING = { collection: "accounts", subject: "account" };

export const Account = defineResource({
  token: "hosting:combell:Account",
  importId: "<accountId>",
  importExample: "111125",
  example: `
// The servicepack by its name, as the reseller's portfolio lists it.
const pack = hosting.combell
  .getServicepacksOutput()
  .apply((result) => result.servicepacks.find((p) => p.name.startsWith("Linux hosting"))!);
const shop = new hosting.combell.Account("shop", {
  identifier: "shop.example.com",
  servicepackId: pack.id,
  ftpPassword: config.requireSecret("shopFtpPassword"),
});

export const shopAccountId = shop.id;
`,
  destroy:
    "Combell's API cannot delete an account: destroy removes it from the stack with a warning, and the account still exists, and is still billed. Cancel it in the Combell control panel or through Combell support.",
  description:
    "A reseller account: an instance of a servicepack (a hosting package with its Linux hosting, domain, mailboxes and databases). Creating it starts a provisioning job the provider follows until the account exists. The API cannot delete an account: destroying it only removes it from the stack, with a warning, and the account must be cancelled with Combell. Its id is the account's number, as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  timeouts: { create: 60 * 60 },
  rules(news, olds) {
    if (olds && sameIdentifier(olds.identifier, news.identifier) && olds.servicepackId !== news.servicepackId) {
      return [
        {
          property: "servicepackId",
          reason:
            "cannot change while the identifier stays: the API can neither change an account's servicepack nor delete the old account, so a replacement would be a second account for the same identifier. Change the servicepack with Combell, then `pulumi refresh`",
        },
      ];
    }
    return [];
  },
  describeUpdate: (_olds, _news, changes) =>
    changes.has("ftpPassword") ? ["record the new ftpPassword without changing the account's (the API sets it only at creation)"] : [],
  async create(ctx, args) {
    const client = ctx.client;
    // After a timed-out create the account may exist unrecorded: provisioning it again would be a
    // second paid account. The API wants each provisioning done once; so does the user.
    const existing = await accountsNamed(client, args.identifier, ctx);
    if (existing.length > 0) {
      throw new InputError([
        {
          property: "identifier",
          reason: `an account with identifier ${args.identifier} exists already (id ${existing.map((a) => a.id).join(", ")}): adopt it with \`pulumi import hosting:combell:Account <name> ${existing[0].id}\`, or choose another identifier`,
        },
      ]);
    }
    const mine = async (lookCtx: OperationContext) => (await accountsNamed(client, args.identifier, lookCtx)).find((a) => a.servicepack_id === args.servicepackId);
    // The job's id was in a lost answer: the account is found only once the job has finished.
    const answer = await createOnce(ctx, {
      api: "Combell",
      untilListed: UNTIL_LISTED,
      subject: `account ${args.identifier}`,
      token: "hosting:combell:Account",
      importId: "<account id>",
      create: () =>
        client.createAccount(
          { identifier: args.identifier, servicepack_id: args.servicepackId, ...(args.ftpPassword !== undefined ? { ftp_password: args.ftpPassword } : {}) },
          ctx,
        ),
      candidates: async (look) => {
        const found = await mine(look);
        return found ? [provisioned("accounts", found.id)] : [];
      },
      describe: foundAs(`account ${args.identifier}`, "accounts"),
    });
    const id = await provisionedId(ctx, {
      answer,
      collection: "accounts",
      subject: `account ${args.identifier}`,
      follow: (job, jobCtx) => client.followJob(job, `create account ${args.identifier}`, jobCtx),
      find: async (lookCtx) => {
        const found = await mine(lookCtx);
        return found && String(found.id);
      },
      importHint: "pulumi import hosting:combell:Account <name> <account id>",
    });
    const detail = await client.getAccount(id, ctx);
    if (!detail) throw new Error(`account ${id} was provisioned, but Combell does not know it (GET /v2/accounts/${id} answered 404)`);
    return { id, outputs: accountFromApi(detail).outputs };
  },
  async read(ctx, id) {
    return readProvisioned(ctx, id, PENDING, async (accountId) => {
      // Account ids are numbers; anything else is no account of this API.
      if (!/^\d{1,10}$/.test(accountId)) return undefined;
      const data = await ctx.client.getAccount(accountId, ctx);
      return data && accountFromApi(data);
    });
  },
  async update(ctx, recordedId, olds, _news, changes) {
    const id = await updatableId(ctx, recordedId, PENDING);
    if (changes.has("ftpPassword")) {
      ctx.warn(
        "ftpPassword is used only when the account is created: Combell's API cannot change it, so the new value is recorded and the account keeps its FTP password. Change it in the Combell control panel.",
      );
    }
    const data = await ctx.client.getAccount(id, ctx);
    return data ? accountFromApi(data).outputs : olds.outputs;
  },
  async delete(ctx, recordedId, olds) {
    const id = await deletableId(ctx, recordedId, PENDING);
    if (id === undefined) return;
    ctx.warn(
      `Combell's API cannot delete accounts: account ${id}${olds.inputs.identifier ? ` (${olds.inputs.identifier})` : ""} still exists, and is still billed, after it leaves the stack. Cancel it in the Combell control panel or through Combell support.`,
    );
  },
});
