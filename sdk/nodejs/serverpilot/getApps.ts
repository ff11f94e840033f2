// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists apps, optionally only those of one server or one system user.
 */
export function getApps(args?: GetAppsArgs, opts?: pulumi.InvokeOptions): Promise<GetAppsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:serverpilot:getApps", { ...(args ?? {}) }, opts);
}

/**
 * Lists apps, optionally only those of one server or one system user.
 */
export function getAppsOutput(args?: GetAppsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetAppsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:serverpilot:getApps", {
        "serverId": args?.serverId,
        "sysuserId": args?.sysuserId,
    }, opts);
}

export interface GetAppsArgs {
    /**
     * Only the apps on this server.
     */
    serverId?: string;
    /**
     * Only the apps of this system user.
     */
    sysuserId?: string;
}

export interface GetAppsOutputArgs {
    /**
     * Only the apps on this server.
     */
    serverId?: pulumi.Input<string>;
    /**
     * Only the apps of this system user.
     */
    sysuserId?: pulumi.Input<string>;
}

export interface GetAppsResult {
    /**
     * The App resources found.
     */
    readonly apps: outputs.serverpilot.AppSummary[];
}
