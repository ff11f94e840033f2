// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A server connected to ServerPilot. Creating it registers the server; run the ServerPilot installer on the machine with the `id` and `apikey` outputs to finish connecting it. Deleting it deletes its system users, apps and databases.
 *
 * ## Import
 *
 * The id is `<serverId>`, such as `UXOSIYrdtL4cSGp3`:
 *
 * ```sh
 * pulumi import hosting:serverpilot:Server web UXOSIYrdtL4cSGp3
 * ```
 */
export class Server extends pulumi.CustomResource {
    /** Gets an existing Server by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Server {
        return new Server(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:serverpilot:Server";

    /** Whether the given object is an instance of Server, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Server {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Server.__pulumiType;
    }

    /**
     * The nickname of the server: 1 to 255 lowercase letters, digits, '.' and '-'.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * Whether the server's firewall is enabled.
     */
    declare public readonly firewall: pulumi.Output<boolean | undefined>;
    /**
     * Whether automatic system updates are enabled.
     */
    declare public readonly autoupdates: pulumi.Output<boolean | undefined>;
    /**
     * Whether requests for domains no app serves are denied (true) or sent to the default app (false).
     */
    declare public readonly denyUnknownDomains: pulumi.Output<boolean | undefined>;
    /**
     * The server's own API key, for `serverpilot-installer --server-id=<id> --server-apikey=<apikey>`. Returned only when the server is created.
     */
    declare public readonly apikey: pulumi.Output<string | undefined>;
    /**
     * The address the server last connected from.
     */
    declare public readonly lastaddress: pulumi.Output<string | undefined>;
    /**
     * When the server last connected (Unix seconds).
     */
    declare public readonly lastconn: pulumi.Output<number | undefined>;
    /**
     * When the server was created (Unix seconds).
     */
    declare public readonly datecreated: pulumi.Output<number>;

    constructor(name: string, args: ServerArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.name === undefined && !opts.urn) throw new Error("Missing required property 'name'");
            resourceInputs["name"] = args?.name;
            resourceInputs["firewall"] = args?.firewall;
            resourceInputs["autoupdates"] = args?.autoupdates;
            resourceInputs["denyUnknownDomains"] = args?.denyUnknownDomains;
            resourceInputs["apikey"] = undefined /*out*/;
            resourceInputs["lastaddress"] = undefined /*out*/;
            resourceInputs["lastconn"] = undefined /*out*/;
            resourceInputs["datecreated"] = undefined /*out*/;
        } else {
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["firewall"] = undefined /*out*/;
            resourceInputs["autoupdates"] = undefined /*out*/;
            resourceInputs["denyUnknownDomains"] = undefined /*out*/;
            resourceInputs["apikey"] = undefined /*out*/;
            resourceInputs["lastaddress"] = undefined /*out*/;
            resourceInputs["lastconn"] = undefined /*out*/;
            resourceInputs["datecreated"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["apikey"] });
        super(Server.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Server. */
export interface ServerArgs {
    /**
     * The nickname of the server: 1 to 255 lowercase letters, digits, '.' and '-'.
     */
    name: pulumi.Input<string>;
    /**
     * Whether the server's firewall is enabled.
     */
    firewall?: pulumi.Input<boolean>;
    /**
     * Whether automatic system updates are enabled.
     */
    autoupdates?: pulumi.Input<boolean>;
    /**
     * Whether requests for domains no app serves are denied (true) or sent to the default app (false).
     */
    denyUnknownDomains?: pulumi.Input<boolean>;
}
