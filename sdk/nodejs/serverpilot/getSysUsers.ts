// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists system users, optionally only those of one server.
 */
export function getSysUsers(args?: GetSysUsersArgs, opts?: pulumi.InvokeOptions): Promise<GetSysUsersResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:serverpilot:getSysUsers", { ...(args ?? {}) }, opts);
}

/**
 * Lists system users, optionally only those of one server.
 */
export function getSysUsersOutput(args?: GetSysUsersOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetSysUsersResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:serverpilot:getSysUsers", {
        "serverId": args?.serverId,
    }, opts);
}

export interface GetSysUsersArgs {
    /**
     * Only the system users of this server.
     */
    serverId?: string;
}

export interface GetSysUsersOutputArgs {
    /**
     * Only the system users of this server.
     */
    serverId?: pulumi.Input<string>;
}

export interface GetSysUsersResult {
    /**
     * The SysUser resources found.
     */
    readonly sysusers: outputs.serverpilot.SysUserSummary[];
}
