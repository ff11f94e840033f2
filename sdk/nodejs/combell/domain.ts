// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A domain name in the reseller's portfolio, registered, or transferred in with its authorization code (`transferAuthCode`). Creating it starts a provisioning job the provider follows until the domain is there. Its name servers and its renewal change in place. The API cannot delete a domain and the provider never gives one up: destroying it only removes it from the stack, with a warning, leaving it registered and its renewal as it was (set `autoRenew: false` first to let it expire). Its id is the domain name, as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<domainName>`, such as `example.com`:
 *
 * ```sh
 * pulumi import hosting:combell:Domain brand example.com
 * ```
 */
export class Domain extends pulumi.CustomResource {
    /** Gets an existing Domain by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Domain {
        return new Domain(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:Domain";

    /** Whether the given object is an instance of Domain, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Domain {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Domain.__pulumiType;
    }

    /**
     * The domain to register, or to transfer in: its domain part and TLD only, such as example.com. Also the resource's id, as `pulumi import` takes it. Combell registers `.ca` domains only for registrants with country code CA.
     */
    declare public readonly domainName: pulumi.Output<string>;
    /**
     * The domain's name servers, such as ns1.example.net, in any order. Changed in place. Left out, the domain is registered (or transferred) on Combell's default name servers, and they are not managed.
     */
    declare public readonly nameServers: pulumi.Output<string[] | undefined>;
    /**
     * Whether Combell renews the domain when it expires. Changed in place, which Combell allows only while the domain's `canToggleRenew` is true (no unpaid invoices for it, its renewal not starting within a month, and an API user with the finance role). Left out, the renewal is not managed.
     */
    declare public readonly autoRenew: pulumi.Output<boolean | undefined>;
    /**
     * The authorization code that lets the domain be transferred in from its current registrar; without it the domain is registered. Used only when the domain is created: a later change is recorded with a warning. Combell never returns it.
     */
    declare public readonly transferAuthCode: pulumi.Output<string | undefined>;
    /**
     * When the domain expires (ISO-8601).
     */
    declare public readonly expirationDate: pulumi.Output<string | undefined>;
    /**
     * Whether Combell allows changing `autoRenew` now (left out of getDomains results).
     */
    declare public readonly canToggleRenew: pulumi.Output<boolean | undefined>;

    constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.domainName === undefined && !opts.urn) throw new Error("Missing required property 'domainName'");
            resourceInputs["domainName"] = args?.domainName;
            resourceInputs["nameServers"] = args?.nameServers;
            resourceInputs["autoRenew"] = args?.autoRenew;
            resourceInputs["transferAuthCode"] = args?.transferAuthCode ? pulumi.secret(args.transferAuthCode) : undefined;
            resourceInputs["expirationDate"] = undefined /*out*/;
            resourceInputs["canToggleRenew"] = undefined /*out*/;
        } else {
            resourceInputs["domainName"] = undefined /*out*/;
            resourceInputs["nameServers"] = undefined /*out*/;
            resourceInputs["autoRenew"] = undefined /*out*/;
            resourceInputs["transferAuthCode"] = undefined /*out*/;
            resourceInputs["expirationDate"] = undefined /*out*/;
            resourceInputs["canToggleRenew"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["transferAuthCode"] });
        super(Domain.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Domain. */
export interface DomainArgs {
    /**
     * The domain to register, or to transfer in: its domain part and TLD only, such as example.com. Also the resource's id, as `pulumi import` takes it. Combell registers `.ca` domains only for registrants with country code CA.
     */
    domainName: pulumi.Input<string>;
    /**
     * The domain's name servers, such as ns1.example.net, in any order. Changed in place. Left out, the domain is registered (or transferred) on Combell's default name servers, and they are not managed.
     */
    nameServers?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Whether Combell renews the domain when it expires. Changed in place, which Combell allows only while the domain's `canToggleRenew` is true (no unpaid invoices for it, its renewal not starting within a month, and an API user with the finance role). Left out, the renewal is not managed.
     */
    autoRenew?: pulumi.Input<boolean>;
    /**
     * The authorization code that lets the domain be transferred in from its current registrar; without it the domain is registered. Used only when the domain is created: a later change is recorded with a warning. Combell never returns it.
     */
    transferAuthCode?: pulumi.Input<string>;
}
