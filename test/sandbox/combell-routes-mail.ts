// Mailboxes, as the OpenAPI defines them (the document's version is garbled):
// POST /mailboxes with {email_address, account_id, password} answers 201 with
// the mailbox's Location (the OpenAPI's and the document's status code: no job);
// the list needs its domain_name filter ("Obligated domain name"); password,
// auto-reply and auto-forward are PUTs answered 204. The account must be one
// whose servicepack includes mailboxes, and the address must be in its domain
// (the account's identifier).
import { reply } from "./base";
import { invalid, notFound } from "./combell-errors";
import { emailProblem, Fields, PASSWORD } from "./combell-fields";
import { paged, queryValue } from "./combell-paging";
import { lower, noContent, servicepackOf, type CombellState, type Route } from "./combell-state";
import { mailboxDetailView, mailboxView, type MailboxRecord } from "./combell-store";

export const DEFAULT_MAILBOX_SIZE_MB = 2048;
/** What each account of a mail zone may hold. */
export const MAIL_ZONE_ACCOUNT_SIZE_MB = 10240;
const MAX_FORWARDS = 25;

export function mailRoutes(state: CombellState): Route[] {
  const { store } = state;

  function mailboxOf(name: string): MailboxRecord {
    const mailbox = store.mailboxes.get(lower(name));
    if (!mailbox) throw notFound(`Mailbox ${name.slice(0, 320)} not found.`);
    return mailbox;
  }

  return [
    {
      // A domain has a mail zone when an account of that identifier has mailboxes in its servicepack.
      method: "GET",
      pattern: /^\/mailzones\/([^/]+)$/,
      handle: ({ params: [domain] }) => {
        const accounts = [...store.accounts.values()].filter(
          (a) => lower(a.identifier) === lower(domain) && (servicepackOf(state, a)?.assets.includes("mailbox") ?? false),
        );
        if (accounts.length === 0) throw notFound(`Mail zone ${domain.slice(0, 253)} not found.`);
        return {
          name: lower(domain),
          enabled: true,
          available_accounts: accounts.map((a) => ({ account_id: a.id, size: MAIL_ZONE_ACCOUNT_SIZE_MB })),
          aliases: [],
          anti_spam: { type: "basic", allowed_types: ["none", "basic", "advanced"] },
          catch_all: { email_addresses: [] },
          smtp_domains: [],
        };
      },
    },
    {
      method: "GET",
      pattern: /^\/mailboxes$/,
      handle: ({ query }) => {
        const domain = queryValue(query, "domain_name");
        if (domain === undefined || domain === "") throw invalid("domain_name", "required", "is required: the API lists mailboxes of one domain at a time.");
        const mailboxes = [...store.mailboxes.values()].filter((m) => m.name.slice(m.name.lastIndexOf("@") + 1) === lower(domain));
        return paged(mailboxes, query, state.paging, mailboxView);
      },
    },
    {
      method: "POST",
      pattern: /^\/mailboxes$/,
      handle: ({ body }) => {
        const f = new Fields(body, ["email_address", "account_id", "password"]);
        const email = f.string("email_address", { required: true, max: 254, check: emailProblem })?.toLowerCase();
        const accountId = f.integer("account_id", { required: true, min: 1 });
        const password = f.string("password", PASSWORD);
        const account = accountId === undefined ? undefined : store.accounts.get(accountId);
        if (accountId !== undefined && !account) f.fail("account_id", "invalid_value", `is not one of your accounts (got ${accountId}).`);
        if (account && !(servicepackOf(state, account)?.assets.includes("mailbox") ?? false)) {
          f.fail("account_id", "invalid_value", `is account ${account.id}, whose servicepack has no mailboxes.`);
        }
        if (account && email !== undefined && !email.endsWith(`@${lower(account.identifier)}`)) {
          f.fail("email_address", "invalid_value", `must be an address of the account's domain ${account.identifier}.`);
        }
        if (email !== undefined && store.mailboxes.has(email)) f.fail("email_address", "already_exists", `"${email}" already exists.`);
        f.done();
        const mailbox: MailboxRecord = {
          name: email!,
          account_id: account!.id,
          password: password!,
          max_size: DEFAULT_MAILBOX_SIZE_MB,
          actual_size: 0,
          auto_reply: { enabled: false, subject: null, message: null },
          auto_forward: { enabled: false, email_addresses: [], copy_to_myself: false },
        };
        store.mailboxes.set(mailbox.name, mailbox);
        return reply(201, undefined, { location: `/v2/mailboxes/${mailbox.name}` });
      },
    },
    {
      method: "GET",
      pattern: /^\/mailboxes\/([^/]+)$/,
      handle: ({ params: [name] }) => mailboxDetailView(mailboxOf(name)),
    },
    {
      method: "DELETE",
      pattern: /^\/mailboxes\/([^/]+)$/,
      handle: ({ params: [name] }) => {
        store.mailboxes.delete(mailboxOf(name).name);
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/mailboxes\/([^/]+)\/password$/,
      handle: ({ params: [name], body }) => {
        const mailbox = mailboxOf(name);
        const f = new Fields(body, ["password"]);
        const password = f.string("password", PASSWORD);
        f.done();
        mailbox.password = password!;
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/mailboxes\/([^/]+)\/autoreply$/,
      handle: ({ params: [name], body }) => {
        const mailbox = mailboxOf(name);
        const f = new Fields(body, ["enabled", "subject", "message"]);
        const enabled = f.boolean("enabled", true);
        const subject = f.string("subject", { required: enabled === true, max: 255 });
        const message = f.string("message", { required: enabled === true, max: 8000 });
        f.done();
        mailbox.auto_reply = { enabled: enabled!, subject: subject ?? null, message: message ?? null };
        return noContent();
      },
    },
    {
      method: "PUT",
      pattern: /^\/mailboxes\/([^/]+)\/autoforward$/,
      handle: ({ params: [name], body }) => {
        const mailbox = mailboxOf(name);
        const f = new Fields(body, ["enabled", "email_addresses", "copy_to_myself"]);
        const enabled = f.boolean("enabled", true);
        const addresses = f.stringArray("email_addresses", { required: enabled === true, min: enabled ? 1 : 0, max: MAX_FORWARDS, check: emailProblem });
        const copy = f.boolean("copy_to_myself");
        const targets = (addresses ?? []).map(lower);
        if (targets.includes(mailbox.name)) f.fail("email_addresses", "invalid_value", `cannot forward ${mailbox.name} to itself; use copy_to_myself.`);
        if (new Set(targets).size !== targets.length) f.fail("email_addresses", "invalid_value", "lists an address twice.");
        f.done();
        mailbox.auto_forward = { enabled: enabled!, email_addresses: targets, copy_to_myself: copy ?? false };
        return noContent();
      },
    },
  ];
}
