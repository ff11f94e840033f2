// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * The settings of a Linux hosting that exists (an Account's, whose servicepack has one): its PHP version, memory limit and APCu, GZIP, FTP and SSH, and per site or host name HTTP/2, Let's Encrypt and the HTTPS redirect. Only the settings the program sets are managed; the others stay as they are. Creating it adopts the hosting and applies them; an update applies only what changed, in the order the API needs; destroying it leaves the settings as they are, with a warning. GZIP, the memory limit, APCu and SSH cannot be read back (Combell does not show them); Let's Encrypt only in part. Its id is the hosting's domain name, as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<domainName>`, such as `example.com`:
 *
 * ```sh
 * pulumi import hosting:combell:LinuxHostingSettings shop example.com
 * ```
 */
export class LinuxHostingSettings extends pulumi.CustomResource {
    /** Gets an existing LinuxHostingSettings by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): LinuxHostingSettings {
        return new LinuxHostingSettings(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:LinuxHostingSettings";

    /** Whether the given object is an instance of LinuxHostingSettings, even across copies of this SDK. */
    public static isInstance(obj: any): obj is LinuxHostingSettings {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === LinuxHostingSettings.__pulumiType;
    }

    /**
     * The Linux hosting, by its domain name (the identifier of the Account that has it); also the resource's id. The hosting must exist: this resource adopts it.
     */
    declare public readonly domainName: pulumi.Output<string>;
    /**
     * The PHP version, one the hosting offers (see getPhpVersions); checked against them before anything changes.
     */
    declare public readonly phpVersion: pulumi.Output<string | undefined>;
    /**
     * Whether responses are GZIP-compressed. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    declare public readonly gzipCompression: pulumi.Output<boolean | undefined>;
    /**
     * PHP's memory limit. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    declare public readonly phpMemoryLimit: pulumi.Output<number | undefined>;
    /**
     * PHP's APCu cache. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    declare public readonly apcu: pulumi.Output<outputs.combell.LinuxHostingSettingsApcu | undefined>;
    /**
     * HTTP/2 per site, by site name: `{ "example.com": true }`. A site needs SSL for HTTP/2 to work: Let's Encrypt (letsEncrypt) is applied first.
     */
    declare public readonly http2: pulumi.Output<{ [key: string]: boolean } | undefined>;
    /**
     * A Let's Encrypt certificate per host name: `{ "example.com": true, "www.example.com": true }`. Combell shows SSL per site, not per host name: refresh sees it off for the host names of a site without SSL, and keeps the value last applied for the others.
     */
    declare public readonly letsEncrypt: pulumi.Output<{ [key: string]: boolean } | undefined>;
    /**
     * The redirect from HTTP to HTTPS, per host name. Combell keeps one redirect per site, so host names of the same site must agree; it needs SSL on the site, and is applied after letsEncrypt.
     */
    declare public readonly autoRedirect: pulumi.Output<{ [key: string]: boolean } | undefined>;
    /**
     * Whether FTP is on for the hosting.
     */
    declare public readonly ftpEnabled: pulumi.Output<boolean | undefined>;
    /**
     * Whether SSH is on for the hosting. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    declare public readonly sshEnabled: pulumi.Output<boolean | undefined>;
    /**
     * The hosting's sites.
     */
    declare public readonly sites: pulumi.Output<outputs.combell.LinuxHostingSite[]>;
    /**
     * The hosting's IP address.
     */
    declare public readonly ip: pulumi.Output<string | undefined>;
    /**
     * The FTP user name.
     */
    declare public readonly ftpUsername: pulumi.Output<string | undefined>;
    /**
     * The host to connect to over SSH.
     */
    declare public readonly sshHost: pulumi.Output<string | undefined>;
    /**
     * The SSH user name.
     */
    declare public readonly sshUsername: pulumi.Output<string | undefined>;

    constructor(name: string, args: LinuxHostingSettingsArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.domainName === undefined && !opts.urn) throw new Error("Missing required property 'domainName'");
            resourceInputs["domainName"] = args?.domainName;
            resourceInputs["phpVersion"] = args?.phpVersion;
            resourceInputs["gzipCompression"] = args?.gzipCompression;
            resourceInputs["phpMemoryLimit"] = args?.phpMemoryLimit;
            resourceInputs["apcu"] = args?.apcu;
            resourceInputs["http2"] = args?.http2;
            resourceInputs["letsEncrypt"] = args?.letsEncrypt;
            resourceInputs["autoRedirect"] = args?.autoRedirect;
            resourceInputs["ftpEnabled"] = args?.ftpEnabled;
            resourceInputs["sshEnabled"] = args?.sshEnabled;
            resourceInputs["sites"] = undefined /*out*/;
            resourceInputs["ip"] = undefined /*out*/;
            resourceInputs["ftpUsername"] = undefined /*out*/;
            resourceInputs["sshHost"] = undefined /*out*/;
            resourceInputs["sshUsername"] = undefined /*out*/;
        } else {
            resourceInputs["domainName"] = undefined /*out*/;
            resourceInputs["phpVersion"] = undefined /*out*/;
            resourceInputs["gzipCompression"] = undefined /*out*/;
            resourceInputs["phpMemoryLimit"] = undefined /*out*/;
            resourceInputs["apcu"] = undefined /*out*/;
            resourceInputs["http2"] = undefined /*out*/;
            resourceInputs["letsEncrypt"] = undefined /*out*/;
            resourceInputs["autoRedirect"] = undefined /*out*/;
            resourceInputs["ftpEnabled"] = undefined /*out*/;
            resourceInputs["sshEnabled"] = undefined /*out*/;
            resourceInputs["sites"] = undefined /*out*/;
            resourceInputs["ip"] = undefined /*out*/;
            resourceInputs["ftpUsername"] = undefined /*out*/;
            resourceInputs["sshHost"] = undefined /*out*/;
            resourceInputs["sshUsername"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(LinuxHostingSettings.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a LinuxHostingSettings. */
export interface LinuxHostingSettingsArgs {
    /**
     * The Linux hosting, by its domain name (the identifier of the Account that has it); also the resource's id. The hosting must exist: this resource adopts it.
     */
    domainName: pulumi.Input<string>;
    /**
     * The PHP version, one the hosting offers (see getPhpVersions); checked against them before anything changes.
     */
    phpVersion?: pulumi.Input<string>;
    /**
     * Whether responses are GZIP-compressed. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    gzipCompression?: pulumi.Input<boolean>;
    /**
     * PHP's memory limit. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    phpMemoryLimit?: pulumi.Input<number>;
    /**
     * PHP's APCu cache. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    apcu?: pulumi.Input<inputs.combell.LinuxHostingSettingsApcu>;
    /**
     * HTTP/2 per site, by site name: `{ "example.com": true }`. A site needs SSL for HTTP/2 to work: Let's Encrypt (letsEncrypt) is applied first.
     */
    http2?: pulumi.Input<{ [key: string]: pulumi.Input<boolean> }>;
    /**
     * A Let's Encrypt certificate per host name: `{ "example.com": true, "www.example.com": true }`. Combell shows SSL per site, not per host name: refresh sees it off for the host names of a site without SSL, and keeps the value last applied for the others.
     */
    letsEncrypt?: pulumi.Input<{ [key: string]: pulumi.Input<boolean> }>;
    /**
     * The redirect from HTTP to HTTPS, per host name. Combell keeps one redirect per site, so host names of the same site must agree; it needs SSL on the site, and is applied after letsEncrypt.
     */
    autoRedirect?: pulumi.Input<{ [key: string]: pulumi.Input<boolean> }>;
    /**
     * Whether FTP is on for the hosting.
     */
    ftpEnabled?: pulumi.Input<boolean>;
    /**
     * Whether SSH is on for the hosting. Combell does not show it: refresh keeps the value last applied, and an import takes the program's.
     */
    sshEnabled?: pulumi.Input<boolean>;
}
