// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * Lists the DNS records of a domain, optionally only those of one type.
 */
export function getDnsRecords(args: GetDnsRecordsArgs, opts?: pulumi.InvokeOptions): Promise<GetDnsRecordsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invoke("hosting:combell:getDnsRecords", { ...(args ?? {}) }, opts);
}

/**
 * Lists the DNS records of a domain, optionally only those of one type.
 */
export function getDnsRecordsOutput(args: GetDnsRecordsOutputArgs, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetDnsRecordsResult> {
    opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
    return pulumi.runtime.invokeOutput("hosting:combell:getDnsRecords", {
        "domainName": args.domainName,
        "type": args.type,
    }, opts);
}

export interface GetDnsRecordsArgs {
    /**
     * The domain whose records to list.
     */
    domainName: string;
    /**
     * Only the records of this type. One of: `A`, `AAAA`, `CAA`, `CNAME`, `MX`, `TXT`, `SRV`, `ALIAS`, `TLSA`.
     */
    type?: string;
}

export interface GetDnsRecordsOutputArgs {
    /**
     * The domain whose records to list.
     */
    domainName: pulumi.Input<string>;
    /**
     * Only the records of this type. One of: `A`, `AAAA`, `CAA`, `CNAME`, `MX`, `TXT`, `SRV`, `ALIAS`, `TLSA`.
     */
    type?: pulumi.Input<string>;
}

export interface GetDnsRecordsResult {
    /**
     * The DnsRecord resources found.
     */
    readonly records: outputs.combell.DnsRecordSummary[];
}
