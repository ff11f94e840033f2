// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A DNS record in the zone of a domain the reseller account manages: A, AAAA, CAA, CNAME, MX, TXT, SRV, ALIAS or TLSA. Which properties a record has depends on its type, and any other is refused: SRV records have service, protocol, target, port, priority and weight (changing service, protocol, target or port replaces the record); every other type has recordName and content, and MX also priority. Other changes are made in place. Its id is `domainName/recordId` (example.com/12345), as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<domainName>/<recordId>`, such as `example.com/12345`:
 *
 * ```sh
 * pulumi import hosting:combell:DnsRecord www example.com/12345
 * ```
 */
export class DnsRecord extends pulumi.CustomResource {
    /** Gets an existing DnsRecord by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): DnsRecord {
        return new DnsRecord(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:DnsRecord";

    /** Whether the given object is an instance of DnsRecord, even across copies of this SDK. */
    public static isInstance(obj: any): obj is DnsRecord {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === DnsRecord.__pulumiType;
    }

    /**
     * The domain whose zone holds the record, such as example.com.
     */
    declare public readonly domainName: pulumi.Output<string>;
    /**
     * The record type. One of: `A`, `AAAA`, `CAA`, `CNAME`, `MX`, `TXT`, `SRV`, `ALIAS`, `TLSA`.
     */
    declare public readonly type: pulumi.Output<string>;
    /**
     * The host name the record defines, within the domain: "@" (the default) or "" for the domain itself, "www", "*.shop"; for TLSA port, protocol and host such as _25._tcp. For every type but SRV.
     */
    declare public readonly recordName: pulumi.Output<string | undefined>;
    /**
     * How long resolvers may cache the record, 60 to 86400 seconds.
     */
    declare public readonly ttl: pulumi.Output<number | undefined>;
    /**
     * The record data, required for every type but SRV: A an IPv4 address; AAAA an IPv6 address; CNAME and ALIAS the canonical name; MX the mail host's name; TXT free text; CAA "{flag} {tag} {ca}" (flag 0 or 128, tag issue, issuewild or iodef); TLSA "{usage} {selector} {matching type} {data}".
     */
    declare public readonly content: pulumi.Output<string | undefined>;
    /**
     * For MX and SRV records: lower is preferred, 0 to 9999 (default 10).
     */
    declare public readonly priority: pulumi.Output<number | undefined>;
    /**
     * The symbolic name of the service, such as _sip, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    declare public readonly service: pulumi.Output<string | undefined>;
    /**
     * The host name of the machine providing the service, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    declare public readonly target: pulumi.Output<string | undefined>;
    /**
     * The service's protocol: TCP (the default), UDP or TLS. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    declare public readonly protocol: pulumi.Output<string | undefined>;
    /**
     * The service's port, 1 to 65535, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    declare public readonly port: pulumi.Output<number | undefined>;
    /**
     * For SRV records: among records of the same priority, higher is preferred, 0 to 65535 (default 0).
     */
    declare public readonly weight: pulumi.Output<number | undefined>;
    /**
     * The record's id within the domain.
     */
    declare public readonly recordId: pulumi.Output<string>;

    constructor(name: string, args: DnsRecordArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.domainName === undefined && !opts.urn) throw new Error("Missing required property 'domainName'");
            if (args?.type === undefined && !opts.urn) throw new Error("Missing required property 'type'");
            resourceInputs["domainName"] = args?.domainName;
            resourceInputs["type"] = args?.type;
            resourceInputs["recordName"] = args?.recordName;
            resourceInputs["ttl"] = args?.ttl;
            resourceInputs["content"] = args?.content;
            resourceInputs["priority"] = args?.priority;
            resourceInputs["service"] = args?.service;
            resourceInputs["target"] = args?.target;
            resourceInputs["protocol"] = args?.protocol;
            resourceInputs["port"] = args?.port;
            resourceInputs["weight"] = args?.weight;
            resourceInputs["recordId"] = undefined /*out*/;
        } else {
            resourceInputs["domainName"] = undefined /*out*/;
            resourceInputs["type"] = undefined /*out*/;
            resourceInputs["recordName"] = undefined /*out*/;
            resourceInputs["ttl"] = undefined /*out*/;
            resourceInputs["content"] = undefined /*out*/;
            resourceInputs["priority"] = undefined /*out*/;
            resourceInputs["service"] = undefined /*out*/;
            resourceInputs["target"] = undefined /*out*/;
            resourceInputs["protocol"] = undefined /*out*/;
            resourceInputs["port"] = undefined /*out*/;
            resourceInputs["weight"] = undefined /*out*/;
            resourceInputs["recordId"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(DnsRecord.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a DnsRecord. */
export interface DnsRecordArgs {
    /**
     * The domain whose zone holds the record, such as example.com.
     */
    domainName: pulumi.Input<string>;
    /**
     * The record type. One of: `A`, `AAAA`, `CAA`, `CNAME`, `MX`, `TXT`, `SRV`, `ALIAS`, `TLSA`.
     */
    type: pulumi.Input<string>;
    /**
     * The host name the record defines, within the domain: "@" (the default) or "" for the domain itself, "www", "*.shop"; for TLSA port, protocol and host such as _25._tcp. For every type but SRV.
     */
    recordName?: pulumi.Input<string>;
    /**
     * How long resolvers may cache the record, 60 to 86400 seconds.
     */
    ttl?: pulumi.Input<number>;
    /**
     * The record data, required for every type but SRV: A an IPv4 address; AAAA an IPv6 address; CNAME and ALIAS the canonical name; MX the mail host's name; TXT free text; CAA "{flag} {tag} {ca}" (flag 0 or 128, tag issue, issuewild or iodef); TLSA "{usage} {selector} {matching type} {data}".
     */
    content?: pulumi.Input<string>;
    /**
     * For MX and SRV records: lower is preferred, 0 to 9999 (default 10).
     */
    priority?: pulumi.Input<number>;
    /**
     * The symbolic name of the service, such as _sip, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    service?: pulumi.Input<string>;
    /**
     * The host name of the machine providing the service, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    target?: pulumi.Input<string>;
    /**
     * The service's protocol: TCP (the default), UDP or TLS. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    protocol?: pulumi.Input<string>;
    /**
     * The service's port, 1 to 65535, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
     */
    port?: pulumi.Input<number>;
    /**
     * For SRV records: among records of the same priority, higher is preferred, 0 to 65535 (default 0).
     */
    weight?: pulumi.Input<number>;
}
