// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the mailboxes of a domain (the API lists them one domain at a time), with their size; the details of one are a Mailbox's.
 */
export function getMailboxes(args: GetMailboxesArgs, opts?: pulumi.InvokeOptions): Promise<GetMailboxesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getMailboxes", { ...(args ?? {}) }, opts);
}

/**
 * Lists the mailboxes of a domain (the API lists them one domain at a time), with their size; the details of one are a Mailbox's.
 */
export function getMailboxesOutput(args: GetMailboxesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetMailboxesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getMailboxes", {
        "domainName": args.domainName,
    }, opts);
}

export interface GetMailboxesArgs {
    /**
     * The domain whose mailboxes to list.
     */
    domainName: string;
}

export interface GetMailboxesOutputArgs {
    /**
     * The domain whose mailboxes to list.
     */
    domainName: pulumi.Input<string>;
}

export interface GetMailboxesResult {
    /**
     * The Mailbox resources found.
     */
    readonly mailboxes: outputs.combell.MailboxSummary[];
}
