// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * The mail zone of a domain: whether it is enabled, and the accounts mailboxes can be created in (a Mailbox's accountId) with the size each allows.
 */
export function getMailZone(args: GetMailZoneArgs, opts?: pulumi.InvokeOptions): Promise<GetMailZoneResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getMailZone", { ...(args ?? {}) }, opts);
}

/**
 * The mail zone of a domain: whether it is enabled, and the accounts mailboxes can be created in (a Mailbox's accountId) with the size each allows.
 */
export function getMailZoneOutput(args: GetMailZoneOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetMailZoneResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getMailZone", {
        "domainName": args.domainName,
    }, opts);
}

export interface GetMailZoneArgs {
    /**
     * The domain of the mail zone.
     */
    domainName: string;
}

export interface GetMailZoneOutputArgs {
    /**
     * The domain of the mail zone.
     */
    domainName: pulumi.Input<string>;
}

export interface GetMailZoneResult {
    /**
     * Whether the mail zone is enabled.
     */
    readonly enabled?: boolean;
    /**
     * The accounts mailboxes can be created in.
     */
    readonly accounts: outputs.combell.MailZoneAccount[];
}
