// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the reseller's accounts, optionally only those with an identifier or containing an asset type.
 */
export function getAccounts(args?: GetAccountsArgs, opts?: pulumi.InvokeOptions): Promise<GetAccountsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getAccounts", { ...(args ?? {}) }, opts);
}

/**
 * Lists the reseller's accounts, optionally only those with an identifier or containing an asset type.
 */
export function getAccountsOutput(args?: GetAccountsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAccountsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getAccounts", {
        "assetType": args?.assetType,
        "identifier": args?.identifier,
    }, opts);
}

export interface GetAccountsArgs {
    /**
     * Only the accounts that contain an asset of this type. One of: `domain`, `linux_hosting`, `mysql`, `dns`, `mailbox`, `windows_hosting`.
     */
    assetType?: string;
    /**
     * Only the accounts with this identifier.
     */
    identifier?: string;
}

export interface GetAccountsOutputArgs {
    /**
     * Only the accounts that contain an asset of this type. One of: `domain`, `linux_hosting`, `mysql`, `dns`, `mailbox`, `windows_hosting`.
     */
    assetType?: pulumi.Input<string>;
    /**
     * Only the accounts with this identifier.
     */
    identifier?: pulumi.Input<string>;
}

export interface GetAccountsResult {
    /**
     * The Account resources found.
     */
    readonly accounts: outputs.combell.AccountSummary[];
}
