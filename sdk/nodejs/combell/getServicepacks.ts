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
export function getServicepacksOutput(args?: pulumi.Input<GetServicepacksArgs>, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetServicepacksResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getServicepacks", { ...(args ?? {}) } as pulumi.Inputs, opts);
}

export interface GetServicepacksArgs {
}

export interface GetServicepacksResult {
    /**
     * The servicepacks.
     */
    readonly servicepacks: outputs.combell.Servicepack[];
}
