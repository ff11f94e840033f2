// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A public SSH key attached to a Linux hosting, for logging in to it over SSH (turn SSH on with LinuxHostingSettings' sshEnabled). The API cannot change a key: any change replaces it. Its id is `domainName/fingerprint`, the fingerprint as Combell lists it (example.com/2d:82:77:...), as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<domainName>/<fingerprint>`, such as `example.com/43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8`:
 *
 * ```sh
 * pulumi import hosting:combell:SshKey laptop example.com/43:51:43:a1:b5:fc:8b:b7:0a:3a:a9:b1:0f:66:73:a8
 * ```
 */
export class SshKey extends pulumi.CustomResource {
    /** Gets an existing SshKey by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): SshKey {
        return new SshKey(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:SshKey";

    /** Whether the given object is an instance of SshKey, even across copies of this SDK. */
    public static isInstance(obj: any): obj is SshKey {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === SshKey.__pulumiType;
    }

    /**
     * The Linux hosting the key opens, by its domain name.
     */
    declare public readonly domainName: pulumi.Output<string>;
    /**
     * The OpenSSH public key, on one line: "<type> <base64> [comment]", such as ssh-ed25519 AAAAC3... me@laptop.
     */
    declare public readonly publicKey: pulumi.Output<string>;
    /**
     * The key's fingerprint, as Combell lists it; the key is deleted by it.
     */
    declare public readonly fingerprint: pulumi.Output<string>;

    constructor(name: string, args: SshKeyArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.domainName === undefined && !opts.urn) throw new Error("Missing required property 'domainName'");
            if (args?.publicKey === undefined && !opts.urn) throw new Error("Missing required property 'publicKey'");
            resourceInputs["domainName"] = args?.domainName;
            resourceInputs["publicKey"] = args?.publicKey;
            resourceInputs["fingerprint"] = undefined /*out*/;
        } else {
            resourceInputs["domainName"] = undefined /*out*/;
            resourceInputs["publicKey"] = undefined /*out*/;
            resourceInputs["fingerprint"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(SshKey.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a SshKey. */
export interface SshKeyArgs {
    /**
     * The Linux hosting the key opens, by its domain name.
     */
    domainName: pulumi.Input<string>;
    /**
     * The OpenSSH public key, on one line: "<type> <base64> [comment]", such as ssh-ed25519 AAAAC3... me@laptop.
     */
    publicKey: pulumi.Input<string>;
}
