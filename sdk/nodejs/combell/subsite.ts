// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A subsite of a Linux hosting: another domain (alias.be) or subdomain (shop.example.com) served from a folder of the hosting. The API cannot change a subsite: any change replaces it. Its id is `domainName/siteName` (example.com/shop.example.com), as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<domainName>/<siteName>`, such as `shop.example.com/alias.be`:
 *
 * ```sh
 * pulumi import hosting:combell:Subsite alias shop.example.com/alias.be
 * ```
 */
export class Subsite extends pulumi.CustomResource {
    /** Gets an existing Subsite by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Subsite {
        return new Subsite(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:Subsite";

    /** Whether the given object is an instance of Subsite, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Subsite {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Subsite.__pulumiType;
    }

    /**
     * The Linux hosting the subsite is added to, by its domain name.
     */
    declare public readonly domainName: pulumi.Output<string>;
    /**
     * The subsite's domain name, such as alias.be or shop.example.com; the name of its site on the hosting.
     */
    declare public readonly siteName: pulumi.Output<string>;
    /**
     * The folder the subsite serves, which must exist on the hosting already (Combell does not create it). Left out, Combell makes and uses its default folder (/subsites/{siteName}), and the folder is not managed.
     */
    declare public readonly path: pulumi.Output<string | undefined>;
    /**
     * The subsite's host names (keys of LinuxHostingSettings' letsEncrypt and autoRedirect).
     */
    declare public readonly hostNames: pulumi.Output<string[]>;

    constructor(name: string, args: SubsiteArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.domainName === undefined && !opts.urn) throw new Error("Missing required property 'domainName'");
            if (args?.siteName === undefined && !opts.urn) throw new Error("Missing required property 'siteName'");
            resourceInputs["domainName"] = args?.domainName;
            resourceInputs["siteName"] = args?.siteName;
            resourceInputs["path"] = args?.path;
            resourceInputs["hostNames"] = undefined /*out*/;
        } else {
            resourceInputs["domainName"] = undefined /*out*/;
            resourceInputs["siteName"] = undefined /*out*/;
            resourceInputs["path"] = undefined /*out*/;
            resourceInputs["hostNames"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(Subsite.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Subsite. */
export interface SubsiteArgs {
    /**
     * The Linux hosting the subsite is added to, by its domain name.
     */
    domainName: pulumi.Input<string>;
    /**
     * The subsite's domain name, such as alias.be or shop.example.com; the name of its site on the hosting.
     */
    siteName: pulumi.Input<string>;
    /**
     * The folder the subsite serves, which must exist on the hosting already (Combell does not create it). Left out, Combell makes and uses its default folder (/subsites/{siteName}), and the folder is not managed.
     */
    path?: pulumi.Input<string>;
}
