// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the domains in the reseller's portfolio, with their expiration and renewal (not their name servers: see a Domain's).
 */
export function getDomains(args?: GetDomainsArgs, opts?: pulumi.InvokeOptions): Promise<GetDomainsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getDomains", { ...(args ?? {}) }, opts);
}

/**
 * Lists the domains in the reseller's portfolio, with their expiration and renewal (not their name servers: see a Domain's).
 */
export function getDomainsOutput(args?: GetDomainsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetDomainsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getDomains", {
    }, opts);
}

export interface GetDomainsArgs {
}

export interface GetDomainsOutputArgs {
}

export interface GetDomainsResult {
    /**
     * The Domain resources found.
     */
    readonly domains: outputs.combell.DomainSummary[];
}
