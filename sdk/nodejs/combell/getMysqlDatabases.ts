// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the MySQL databases of the reseller's accounts, optionally only those of one account.
 */
export function getMysqlDatabases(args?: GetMysqlDatabasesArgs, opts?: pulumi.InvokeOptions): Promise<GetMysqlDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getMysqlDatabases", { ...(args ?? {}) }, opts);
}

/**
 * Lists the MySQL databases of the reseller's accounts, optionally only those of one account.
 */
export function getMysqlDatabasesOutput(args?: GetMysqlDatabasesOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetMysqlDatabasesResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getMysqlDatabases", {
        "accountId": args?.accountId,
    }, opts);
}

export interface GetMysqlDatabasesArgs {
    /**
     * Only the databases of this account.
     */
    accountId?: number;
}

export interface GetMysqlDatabasesOutputArgs {
    /**
     * Only the databases of this account.
     */
    accountId?: pulumi.Input<number>;
}

export interface GetMysqlDatabasesResult {
    /**
     * The MysqlDatabase resources found.
     */
    readonly databases: outputs.combell.MysqlDatabaseSummary[];
}
