// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the databases the API key may see (its owner's; an admin's key sees all), optionally only those of one domain or owner.
 */
export function getDatabases(args?: GetDatabasesArgs, opts?: pulumi.InvokeOptions): Promise<GetDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:wispanel:getDatabases", { ...(args ?? {}) }, opts);
}

/**
 * Lists the databases the API key may see (its owner's; an admin's key sees all), optionally only those of one domain or owner.
 */
export function getDatabasesOutput(args?: GetDatabasesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:wispanel:getDatabases", {
        "domain": args?.domain,
        "owner": args?.owner,
    }, opts);
}

export interface GetDatabasesArgs {
    /**
     * Only the databases of this domain.
     */
    domain?: string;
    /**
     * Only the databases of this panel user.
     */
    owner?: string;
}

export interface GetDatabasesOutputArgs {
    /**
     * Only the databases of this domain.
     */
    domain?: pulumi.Input<string>;
    /**
     * Only the databases of this panel user.
     */
    owner?: pulumi.Input<string>;
}

export interface GetDatabasesResult {
    /**
     * The Database resources found.
     */
    readonly databases: outputs.wispanel.DatabaseSummary[];
}
