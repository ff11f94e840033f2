// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the reseller's Linux hostings (each a LinuxHostingSettings' domainName), to the last page.
 */
export function getLinuxHostings(args?: GetLinuxHostingsArgs, opts?: pulumi.InvokeOptions): Promise<GetLinuxHostingsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getLinuxHostings", { ...(args ?? {}) }, opts);
}

/**
 * Lists the reseller's Linux hostings (each a LinuxHostingSettings' domainName), to the last page.
 */
export function getLinuxHostingsOutput(args?: GetLinuxHostingsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetLinuxHostingsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getLinuxHostings", {
    }, opts);
}

export interface GetLinuxHostingsArgs {
}

export interface GetLinuxHostingsOutputArgs {
}

export interface GetLinuxHostingsResult {
    /**
     * The Linux hostings.
     */
    readonly hostings: outputs.combell.LinuxHostingSummary[];
}
