import type { OperationContext } from "../../http/client";
import { MailboxData, MailboxDetailData, MailZoneData } from "./answers";
import type { FieldNames } from "./api-errors";
import { segment, type CombellCalls } from "./client-core";
import { idInLinks } from "./links";

// Mailboxes, as the OpenAPI description has them (the document's version is garbled): POST
// /mailboxes with {email_address, account_id, password} answers 201 with the mailbox's Location;
// the password, auto-reply and auto-forward change with PUTs of their own.

const MAILBOX_FIELDS: FieldNames = {
  emailAddress: ["email_address", "email"],
  accountId: ["account_id"],
  password: ["password"],
  autoReply: ["auto_reply", "autoreply", "subject", "message"],
  autoForward: ["auto_forward", "autoforward", "email_addresses", "copy_to_myself"],
};

export interface AutoReplyBody {
  enabled: boolean;
  subject?: string;
  message?: string;
}

export interface AutoForwardBody {
  enabled: boolean;
  email_addresses: string[];
  copy_to_myself: boolean;
}

const path = (name: string) => `/mailboxes/${segment(name)}`;

export class MailboxCalls {
  constructor(private readonly calls: CombellCalls) {}

  /** The mailboxes of one domain: the API lists them only by domain. */
  list(domainName: string, ctx: OperationContext) {
    return this.calls.list("/mailboxes", MailboxData, { domain_name: domainName }, ctx);
  }
  /** A domain's mail zone, with the accounts mailboxes can be created in and their quota. */
  mailZone(domainName: string, ctx: OperationContext) {
    return this.calls.get(`/mailzones/${segment(domainName)}`, MailZoneData, ctx);
  }
  get(name: string, ctx: OperationContext) {
    return this.calls.get(path(name), MailboxDetailData, ctx);
  }
  /** Creates the mailbox; its name, from the 201's Location (/v2/mailboxes/{name}) when it sends one. */
  async create(body: { email_address: string; account_id: number; password: string }, ctx: OperationContext): Promise<string> {
    const answer = await this.calls.startCreate("/mailboxes", body, MAILBOX_FIELDS, `mailbox ${body.email_address}`, ctx);
    if (answer.kind === "job") {
      // The OpenAPI answers 201; a job would be followed all the same.
      return idInLinks(await this.calls.followJob(answer.job, `create mailbox ${body.email_address}`, ctx), "mailboxes") ?? body.email_address;
    }
    return idInLinks(answer.links, "mailboxes") ?? body.email_address;
  }
  changePassword(name: string, password: string, ctx: OperationContext): Promise<void> {
    return this.calls.put(`${path(name)}/password`, { password }, MAILBOX_FIELDS, ctx);
  }
  setAutoReply(name: string, body: AutoReplyBody, ctx: OperationContext): Promise<void> {
    return this.calls.put(`${path(name)}/autoreply`, body, MAILBOX_FIELDS, ctx);
  }
  setAutoForward(name: string, body: AutoForwardBody, ctx: OperationContext): Promise<void> {
    return this.calls.put(`${path(name)}/autoforward`, body, MAILBOX_FIELDS, ctx);
  }
  /** A mailbox already gone is not an error. */
  async delete(name: string, ctx: OperationContext): Promise<void> {
    await this.calls.remove(path(name), ctx);
  }
}
