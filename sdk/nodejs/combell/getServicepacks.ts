// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the servicepacks the reseller can create accounts from.
 */
export function getServicepacks(args?: GetServicepacksArgs, opts?: pulumi.InvokeOptions): Promise<GetServicepacksResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getServicepacks", { ...(args ?? {}) }, opts);
}

/**
 * Lists the servicepacks the reseller can create accounts from.
 */
export function getServicepacksOutput(args?: GetServicepacksOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetServicepacksResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getServicepacks", {
    }, opts);
}

export interface GetServicepacksArgs {
}

export interface GetServicepacksOutputArgs {
}

export interface GetServicepacksResult {
    /**
     * The servicepacks.
     */
    readonly servicepacks: outputs.combell.Servicepack[];
}
