// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * Lists the PHP versions a Linux hosting can switch to (LinuxHostingSettings' phpVersion).
 */
export function getPhpVersions(args: GetPhpVersionsArgs, opts?: pulumi.InvokeOptions): Promise<GetPhpVersionsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getPhpVersions", { ...(args ?? {}) }, opts);
}

/**
 * Lists the PHP versions a Linux hosting can switch to (LinuxHostingSettings' phpVersion).
 */
export function getPhpVersionsOutput(args: GetPhpVersionsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetPhpVersionsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getPhpVersions", {
        "domainName": args.domainName,
    }, opts);
}

export interface GetPhpVersionsArgs {
    /**
     * The Linux hosting, by its domain name.
     */
    domainName: string;
}

export interface GetPhpVersionsOutputArgs {
    /**
     * The Linux hosting, by its domain name.
     */
    domainName: pulumi.Input<string>;
}

export interface GetPhpVersionsResult {
    /**
     * The available PHP versions, as the API lists them (8.3).
     */
    readonly versions: string[];
}
