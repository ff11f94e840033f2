// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the servers of the ServerPilot account.
 */
export function getServers(args?: GetServersArgs, opts?: pulumi.InvokeOptions): Promise<GetServersResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:serverpilot:getServers", { ...(args ?? {}) }, opts);
}

/**
 * Lists the servers of the ServerPilot account.
 */
export function getServersOutput(args?: GetServersOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetServersResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:serverpilot:getServers", {
    }, opts);
}

export interface GetServersArgs {
}

export interface GetServersOutputArgs {
}

export interface GetServersResult {
    /**
     * The Server resources found.
     */
    readonly servers: outputs.serverpilot.ServerSummary[];
}
