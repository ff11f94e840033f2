// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * Asks WisPanel for a single-use phpMyAdmin login to a database (POST /databases/{id}/phpmyadmin). Each call makes a new one, and Pulumi calls functions at every preview and up as well: the latest login is in the stack outputs. The URL logs in whoever opens it first, so it is a secret.
 */
export function getPhpMyAdminLogin(args: GetPhpMyAdminLoginArgs, opts?: pulumi.InvokeOptions): Promise<GetPhpMyAdminLoginResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:wispanel:getPhpMyAdminLogin", { ...(args ?? {}) }, opts);
}

/**
 * Asks WisPanel for a single-use phpMyAdmin login to a database (POST /databases/{id}/phpmyadmin). Each call makes a new one, and Pulumi calls functions at every preview and up as well: the latest login is in the stack outputs. The URL logs in whoever opens it first, so it is a secret.
 */
export function getPhpMyAdminLoginOutput(args: GetPhpMyAdminLoginOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetPhpMyAdminLoginResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:wispanel:getPhpMyAdminLogin", {
        "id": args.id,
    }, opts);
}

export interface GetPhpMyAdminLoginArgs {
    /**
     * The database's full name (john_mydb): a Database's id or fullName.
     */
    id: string;
}

export interface GetPhpMyAdminLoginOutputArgs {
    /**
     * The database's full name (john_mydb): a Database's id or fullName.
     */
    id: pulumi.Input<string>;
}

export interface GetPhpMyAdminLoginResult {
    /**
     * The single-use login URL.
     */
    readonly url: string;
    /**
     * The login's token, also part of the URL.
     */
    readonly token?: string;
}
