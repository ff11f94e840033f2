// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the databases of one server, every page of them, optionally only those whose user connects from one remote.
 */
export function getServerDatabases(args: GetServerDatabasesArgs, opts?: pulumi.InvokeOptions): Promise<GetServerDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:pterodactyl:getServerDatabases", { ...(args ?? {}) }, opts);
}

/**
 * Lists the databases of one server, every page of them, optionally only those whose user connects from one remote.
 */
export function getServerDatabasesOutput(args: GetServerDatabasesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetServerDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:pterodactyl:getServerDatabases", {
        "serverId": args.serverId,
        "remote": args.remote,
    }, opts);
}

export interface GetServerDatabasesArgs {
    /**
     * The numeric id of the server whose databases to list.
     */
    serverId: number;
    /**
     * Only the databases whose user may connect from exactly this remote.
     */
    remote?: string;
}

export interface GetServerDatabasesOutputArgs {
    /**
     * The numeric id of the server whose databases to list.
     */
    serverId: pulumi.Input<number>;
    /**
     * Only the databases whose user may connect from exactly this remote.
     */
    remote?: pulumi.Input<string>;
}

export interface GetServerDatabasesResult {
    /**
     * The ServerDatabase resources found.
     */
    readonly databases: outputs.pterodactyl.ServerDatabaseSummary[];
}
