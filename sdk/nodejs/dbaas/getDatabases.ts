// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the DBaaS databases, optionally only those of one engine, region or status.
 */
export function getDatabases(args?: GetDatabasesArgs, opts?: pulumi.InvokeOptions): Promise<GetDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:dbaas:getDatabases", { ...(args ?? {}) }, opts);
}

/**
 * Lists the DBaaS databases, optionally only those of one engine, region or status.
 */
export function getDatabasesOutput(args?: GetDatabasesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:dbaas:getDatabases", {
        "dbType": args?.dbType,
        "region": args?.region,
        "status": args?.status,
    }, opts);
}

export interface GetDatabasesArgs {
    /**
     * Only the databases of this engine.
     */
    dbType?: string;
    /**
     * Only the databases in this region.
     */
    region?: string;
    /**
     * Only the databases in this status.
     */
    status?: string;
}

export interface GetDatabasesOutputArgs {
    /**
     * Only the databases of this engine.
     */
    dbType?: pulumi.Input<string>;
    /**
     * Only the databases in this region.
     */
    region?: pulumi.Input<string>;
    /**
     * Only the databases in this status.
     */
    status?: pulumi.Input<string>;
}

export interface GetDatabasesResult {
    /**
     * The Database resources found.
     */
    readonly databases: outputs.dbaas.DatabaseSummary[];
}
