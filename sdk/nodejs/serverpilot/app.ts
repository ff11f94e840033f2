// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * A PHP web application (a website) owned by a system user, optionally with WordPress installed at creation, and its SSL: AutoSSL or a custom certificate, and ForceSSL.
 *
 * ## Import
 *
 * The id is `<appId>`, such as `nlcN0TwdZAyNEgdp`:
 *
 * ```sh
 * pulumi import hosting:serverpilot:App blog nlcN0TwdZAyNEgdp
 * ```
 */
export class App extends pulumi.CustomResource {
    /** Gets an existing App by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): App {
        return new App(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:serverpilot:App";

    /** Whether the given object is an instance of App, even across copies of this SDK. */
    public static isInstance(obj: any): obj is App {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === App.__pulumiType;
    }

    /**
     * The nickname of the app: 3 to 30 lowercase letters and digits. Its web root is /srv/users/<sysuser>/apps/<name>/public.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * The system user that owns the app; it also decides the server the app runs on.
     */
    declare public readonly sysuserId: pulumi.Output<string>;
    /**
     * The PHP runtime, such as php8.3. It must be one the server offers; where ServerPilot reports the server's runtimes, that is checked before anything changes.
     */
    declare public readonly runtime: pulumi.Output<string>;
    /**
     * The domains the web server answers for (example.com also serves www.example.com; *.example.com every subdomain). Compared as ServerPilot stores them: in any order, in any case, without a trailing dot; each may appear once.
     */
    declare public readonly domains: pulumi.Output<string[] | undefined>;
    /**
     * Installs WordPress when the app is created. It is used only then: a later change or removal is recorded with a warning and changes nothing on the site (replace the app, for example with `pulumi up --replace`, to install it afresh). ServerPilot never returns it.
     */
    declare public readonly wordpress: pulumi.Output<outputs.serverpilot.AppWordpress | undefined>;
    /**
     * Serve HTTPS with a certificate ServerPilot issues and renews (AutoSSL, paid plans). It needs a domain that is not a wildcard and that resolves to the server; the provider waits until the certificate is available. Excludes customSsl.
     */
    declare public readonly autoSsl: pulumi.Output<boolean | undefined>;
    /**
     * Serve HTTPS with your own certificate. Excludes autoSsl.
     */
    declare public readonly customSsl: pulumi.Output<outputs.serverpilot.AppCustomSsl | undefined>;
    /**
     * Redirect HTTP to HTTPS (ForceSSL). Needs autoSsl or customSsl.
     */
    declare public readonly forceSsl: pulumi.Output<boolean | undefined>;
    /**
     * The server the app runs on.
     */
    declare public readonly serverId: pulumi.Output<string>;
    /**
     * When the app was created (Unix seconds).
     */
    declare public readonly datecreated: pulumi.Output<number>;
    /**
     * Whether an AutoSSL certificate is available for the app (reported on paid plans only).
     */
    declare public readonly autoSslAvailable: pulumi.Output<boolean | undefined>;
    /**
     * The domains of the available AutoSSL certificate.
     */
    declare public readonly autoSslDomains: pulumi.Output<string[] | undefined>;

    constructor(name: string, args: AppArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.name === undefined && !opts.urn) throw new Error("Missing required property 'name'");
            if (args?.runtime === undefined && !opts.urn) throw new Error("Missing required property 'runtime'");
            if (args?.sysuserId === undefined && !opts.urn) throw new Error("Missing required property 'sysuserId'");
            resourceInputs["name"] = args?.name;
            resourceInputs["sysuserId"] = args?.sysuserId;
            resourceInputs["runtime"] = args?.runtime;
            resourceInputs["domains"] = args?.domains;
            resourceInputs["wordpress"] = args?.wordpress;
            resourceInputs["autoSsl"] = args?.autoSsl;
            resourceInputs["customSsl"] = args?.customSsl;
            resourceInputs["forceSsl"] = args?.forceSsl;
            resourceInputs["serverId"] = undefined /*out*/;
            resourceInputs["datecreated"] = undefined /*out*/;
            resourceInputs["autoSslAvailable"] = undefined /*out*/;
            resourceInputs["autoSslDomains"] = undefined /*out*/;
        } else {
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["sysuserId"] = undefined /*out*/;
            resourceInputs["runtime"] = undefined /*out*/;
            resourceInputs["domains"] = undefined /*out*/;
            resourceInputs["wordpress"] = undefined /*out*/;
            resourceInputs["autoSsl"] = undefined /*out*/;
            resourceInputs["customSsl"] = undefined /*out*/;
            resourceInputs["forceSsl"] = undefined /*out*/;
            resourceInputs["serverId"] = undefined /*out*/;
            resourceInputs["datecreated"] = undefined /*out*/;
            resourceInputs["autoSslAvailable"] = undefined /*out*/;
            resourceInputs["autoSslDomains"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(App.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a App. */
export interface AppArgs {
    /**
     * The nickname of the app: 3 to 30 lowercase letters and digits. Its web root is /srv/users/<sysuser>/apps/<name>/public.
     */
    name: pulumi.Input<string>;
    /**
     * The system user that owns the app; it also decides the server the app runs on.
     */
    sysuserId: pulumi.Input<string>;
    /**
     * The PHP runtime, such as php8.3. It must be one the server offers; where ServerPilot reports the server's runtimes, that is checked before anything changes.
     */
    runtime: pulumi.Input<string>;
    /**
     * The domains the web server answers for (example.com also serves www.example.com; *.example.com every subdomain). Compared as ServerPilot stores them: in any order, in any case, without a trailing dot; each may appear once.
     */
    domains?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Installs WordPress when the app is created. It is used only then: a later change or removal is recorded with a warning and changes nothing on the site (replace the app, for example with `pulumi up --replace`, to install it afresh). ServerPilot never returns it.
     */
    wordpress?: pulumi.Input<inputs.serverpilot.AppWordpress>;
    /**
     * Serve HTTPS with a certificate ServerPilot issues and renews (AutoSSL, paid plans). It needs a domain that is not a wildcard and that resolves to the server; the provider waits until the certificate is available. Excludes customSsl.
     */
    autoSsl?: pulumi.Input<boolean>;
    /**
     * Serve HTTPS with your own certificate. Excludes autoSsl.
     */
    customSsl?: pulumi.Input<inputs.serverpilot.AppCustomSsl>;
    /**
     * Redirect HTTP to HTTPS (ForceSSL). Needs autoSsl or customSsl.
     */
    forceSsl?: pulumi.Input<boolean>;
}
