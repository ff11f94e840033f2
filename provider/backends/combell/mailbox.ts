import { z } from "zod";
import type { OperationContext } from "../../http/client";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { boundedString } from "../../kit/strings";
import type { AutoForwardData, AutoReplyData, MailboxData, MailboxDetailData } from "./answers";
import { combellApi } from "./api";
import type { AutoForwardBody, AutoReplyBody, MailboxCalls } from "./client-mailboxes";
import { emailAddress, int32Id, normalizeEmailAddress, password, PASSWORD_RULE } from "./rules";

const autoReply = z
  .object({
    enabled: field(z.boolean(), { description: "Whether mail is answered with the message." }),
    subject: field(boundedString(255, "must be at most 255 characters").optional(), { description: "The answer's subject; required while enabled." }),
    message: field(boundedString(8000, "must be at most 8000 characters").optional(), { description: "The answer's text; required while enabled." }),
  })
  .superRefine((value, issues) => {
    if (!value.enabled) return;
    for (const key of ["subject", "message"] as const) {
      if (!value[key]) issues.addIssue({ code: "custom", path: [key], message: "is required while the auto-reply is enabled" });
    }
  });

const autoForward = z
  .object({
    enabled: field(z.boolean(), { description: "Whether mail is forwarded." }),
    emailAddresses: field(z.array(emailAddress()).max(25, "must list at most 25 addresses").optional(), {
      description: "The addresses mail is forwarded to, in any order; at least one while enabled.",
      unordered: true,
      normalize: (value) => (Array.isArray(value) ? value.map(normalizeEmailAddress) : value),
    }),
    copyToMyself: field(z.boolean().optional(), { description: "Whether the mailbox keeps a copy of what it forwards. Default false." }),
  })
  .superRefine((value, issues) => {
    const addresses = (value.emailAddresses ?? []).map((a) => a.toLowerCase());
    if (value.enabled && addresses.length === 0) {
      issues.addIssue({ code: "custom", path: ["emailAddresses"], message: "must list at least one address while the auto-forward is enabled" });
    }
    const repeated = addresses.findIndex((a, i) => addresses.indexOf(a) !== i);
    if (repeated >= 0) issues.addIssue({ code: "custom", path: ["emailAddresses", repeated], message: `lists ${addresses[repeated]} twice` });
  });

const inputs = {
  emailAddress: field(emailAddress(), {
    description: "The mailbox's address, in the domain of its account (info@example.com). Also its id, as `pulumi import` takes it.",
    replaceOnChanges: true,
    normalize: normalizeEmailAddress,
  }),
  accountId: field(int32Id("an account id"), {
    description:
      "The account whose mail zone holds the mailbox (an Account's id, one of getMailZone's accounts). Combell does not show it once the mailbox exists: on import, the program's value is kept.",
    replaceOnChanges: true,
    writeOnly: true,
  }),
  password: field(password(), {
    description: `The mailbox's password: ${PASSWORD_RULE}. Changed in place. Combell never returns it.`,
    secret: true,
    writeOnly: true,
  }),
  autoReply: field(autoReply.optional(), {
    description: "An automatic answer to incoming mail, changed in place. Left out, it is not managed.",
    typeName: "MailboxAutoReply",
  }),
  autoForward: field(autoForward.optional(), {
    description: "Forwarding of incoming mail, changed in place. Left out, it is not managed.",
    typeName: "MailboxAutoForward",
  }),
};

const outputs = {
  login: field(z.string().optional(), { description: "The login to connect to the mailbox with (left out of getMailboxes results)." }),
  maxSize: field(z.number().int().optional(), { description: "The most the mailbox may hold, in MB." }),
  actualSize: field(z.number().int().optional(), { description: "What the mailbox holds, in MB." }),
};

function autoReplyFromApi(data: AutoReplyData | null | undefined) {
  if (!data) return undefined;
  return { enabled: data.enabled ?? false, subject: data.subject ?? undefined, message: data.message ?? undefined };
}

function autoForwardFromApi(data: AutoForwardData | null | undefined) {
  if (!data) return undefined;
  return { enabled: data.enabled ?? false, emailAddresses: data.email_addresses ?? [], copyToMyself: data.copy_to_myself ?? false };
}

/** The API's mailbox as the provider sees it: GET /mailboxes/{name}, or an item of GET /mailboxes. */
export function mailboxFromApi(data: MailboxDetailData | MailboxData) {
  const detail = data as MailboxDetailData;
  const name = data.name.toLowerCase();
  return {
    id: name,
    inputs: { emailAddress: name, autoReply: autoReplyFromApi(detail.auto_reply), autoForward: autoForwardFromApi(detail.auto_forward) },
    outputs: { login: detail.login ?? undefined, maxSize: data.max_size ?? undefined, actualSize: data.actual_size ?? undefined },
  };
}

type AutoReplyInput = z.infer<typeof autoReply>;
type AutoForwardInput = z.infer<typeof autoForward>;

const autoReplyBody = (value: AutoReplyInput): AutoReplyBody => ({
  enabled: value.enabled,
  ...(value.subject !== undefined ? { subject: value.subject } : {}),
  ...(value.message !== undefined ? { message: value.message } : {}),
});

const autoForwardBody = (value: AutoForwardInput): AutoForwardBody => ({
  enabled: value.enabled,
  email_addresses: (value.emailAddresses ?? []).map((a) => a.toLowerCase()),
  copy_to_myself: value.copyToMyself ?? false,
});

async function readMailbox(client: MailboxCalls, name: string, ctx: OperationContext) {
  const data = await client.get(name, ctx);
  return data && mailboxFromApi(data);
}

export const Mailbox = defineResource({
  token: "hosting:combell:Mailbox",
  importId: "<emailAddress>",
  importExample: "info@example.com",
  example: `
new hosting.combell.Mailbox("info", {
  emailAddress: "info@shop.example.com",
  accountId: config.requireNumber("shopAccountId"),
  password: config.requireSecret("infoMailboxPassword"),
  autoReply: { enabled: true, subject: "Thanks", message: "We answer within a day." },
  autoForward: { enabled: true, emailAddresses: ["owner@example.org"], copyToMyself: true },
});
`,
  destroy:
    "Deletes the mailbox with the mail it holds.",
  description:
    "A mailbox in an account's mail zone. Its password, auto-reply and auto-forward change in place; another address or account replaces it, and deleting it deletes the mail it holds. Its id is the e-mail address, as `pulumi import` takes it.",
  api: combellApi,
  inputs,
  outputs,
  // Left out, the auto-reply and auto-forward are the mailbox owner's, set in the webmail.
  managesOnlySetInputs: true,
  uniqueKeys: (args) => [args.emailAddress.toLowerCase()],
  describeUpdate: (_olds, news, changes) => [
    ...(changes.has("password") ? ["change the password (PUT /mailboxes/{name}/password)"] : []),
    ...(changes.has("autoReply") && news.autoReply ? [`turn the auto-reply ${news.autoReply.enabled ? "on" : "off"} (PUT /mailboxes/{name}/autoreply)`] : []),
    ...(changes.has("autoForward") && news.autoForward ? [`turn the auto-forward ${news.autoForward.enabled ? "on" : "off"} (PUT /mailboxes/{name}/autoforward)`] : []),
  ],
  async create(ctx, args) {
    const client = ctx.client.mailboxes;
    const address = args.emailAddress.toLowerCase();
    // Addresses are unique, and mailboxes carry no creation time: the address decides.
    const made = await createOnce(ctx, {
      api: "Combell",
      subject: `mailbox ${address}`,
      token: "hosting:combell:Mailbox",
      importId: address,
      create: () => client.create({ email_address: address, account_id: args.accountId, password: args.password }, ctx),
      candidates: async (look) => ((await client.get(address, look)) ? [address] : []),
      describe: (found) => `mailbox ${found}: recorded`,
    });
    const name = made.toLowerCase();
    // Recorded now: a refused auto-reply or auto-forward leaves a mailbox the next up finishes.
    ctx.created(name);
    if (args.autoReply) await client.setAutoReply(name, autoReplyBody(args.autoReply), ctx);
    if (args.autoForward) await client.setAutoForward(name, autoForwardBody(args.autoForward), ctx);
    const observed = await readMailbox(client, name, ctx);
    if (!observed) throw new Error(`Combell created mailbox ${name}, but does not know it (GET /v2/mailboxes/${name} answered 404)`);
    return { id: name, outputs: observed.outputs };
  },
  async read(ctx, id) {
    return readMailbox(ctx.client.mailboxes, id, ctx);
  },
  async update(ctx, id, _olds, news, changes) {
    const client = ctx.client.mailboxes;
    if (changes.has("password")) await client.changePassword(id, news.password, ctx);
    // One the program stops setting is no change (managesOnlySetInputs).
    if (changes.has("autoReply") && news.autoReply) await client.setAutoReply(id, autoReplyBody(news.autoReply), ctx);
    if (changes.has("autoForward") && news.autoForward) await client.setAutoForward(id, autoForwardBody(news.autoForward), ctx);
    const observed = await readMailbox(client, id, ctx);
    if (!observed) throw new Error(`mailbox ${id} no longer exists; run \`pulumi refresh\``);
    return observed.outputs;
  },
  async delete(ctx, id) {
    await ctx.client.mailboxes.delete(id, ctx);
  },
});
