// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists databases, optionally only those of one server or one app.
 */
export function getDatabases(args?: GetDatabasesArgs, opts?: pulumi.InvokeOptions): Promise<GetDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:serverpilot:getDatabases", { ...(args ?? {}) }, opts);
}

/**
 * Lists databases, optionally only those of one server or one app.
 */
export function getDatabasesOutput(args?: GetDatabasesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:serverpilot:getDatabases", {
        "serverId": args?.serverId,
        "appId": args?.appId,
    }, opts);
}

export interface GetDatabasesArgs {
    /**
     * Only the databases on this server.
     */
    serverId?: string;
    /**
     * Only the databases of this app.
     */
    appId?: string;
}

export interface GetDatabasesOutputArgs {
    /**
     * Only the databases on this server.
     */
    serverId?: pulumi.Input<string>;
    /**
     * Only the databases of this app.
     */
    appId?: pulumi.Input<string>;
}

export interface GetDatabasesResult {
    /**
     * The Database resources found.
     */
    readonly databases: outputs.serverpilot.DatabaseSummary[];
}
