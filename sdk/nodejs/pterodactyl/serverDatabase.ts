// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A MySQL database of a game server on a Pterodactyl or Pelican panel, with the user and password the panel makes for it. The panel cannot change a database: a new name, remote or host replaces it; `passwordRotation` resets the password in place. Its id is serverId/databaseId (12/34), as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<serverId>/<databaseId>`, such as `12/34`:
 *
 * ```sh
 * pulumi import hosting:pterodactyl:ServerDatabase stats 12/34
 * ```
 */
export class ServerDatabase extends pulumi.CustomResource {
    /** Gets an existing ServerDatabase by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): ServerDatabase {
        return new ServerDatabase(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:pterodactyl:ServerDatabase";

    /** Whether the given object is an instance of ServerDatabase, even across copies of this SDK. */
    public static isInstance(obj: any): obj is ServerDatabase {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === ServerDatabase.__pulumiType;
    }

    /**
     * The numeric id of the server the database belongs to (the panel's routes take the id, not the UUID).
     */
    declare public readonly serverId: pulumi.Output<number>;
    /**
     * The name asked for: letters, digits, '_' and '-'. The panel stores it prefixed with the server (s12_ + name, 48 characters in all); the `name` output is the stored one.
     */
    declare public readonly database: pulumi.Output<string>;
    /**
     * Where the database user may connect from: an IPv4 address or pattern (192.168.%), % for anywhere (the default).
     */
    declare public readonly remote: pulumi.Output<string | undefined>;
    /**
     * The id of the panel's database host the database is created on.
     */
    declare public readonly host: pulumi.Output<number>;
    /**
     * Any text; changing it (setting, changing or removing it) has the panel reset the password in place, and the new one is read back. The panel does not store this value: the provider keeps the last one applied.
     */
    declare public readonly passwordRotation: pulumi.Output<string | undefined>;
    /**
     * The database's name as stored, with its prefix (s12_name).
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * The database user the panel made (u12_ and 10 random characters).
     */
    declare public readonly username: pulumi.Output<string>;
    /**
     * The database user's password, which the panel generates (absent when the API key may not read it).
     */
    declare public readonly password: pulumi.Output<string | undefined>;
    /**
     * The most connections the user may open at once (0: no limit).
     */
    declare public readonly maxConnections: pulumi.Output<number | undefined>;
    /**
     * When the database was created (ISO 8601).
     */
    declare public readonly createdAt: pulumi.Output<string | undefined>;
    /**
     * When it last changed, a password reset included (ISO 8601).
     */
    declare public readonly updatedAt: pulumi.Output<string | undefined>;

    constructor(name: string, args: ServerDatabaseArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.database === undefined && !opts.urn) throw new Error("Missing required property 'database'");
            if (args?.host === undefined && !opts.urn) throw new Error("Missing required property 'host'");
            if (args?.serverId === undefined && !opts.urn) throw new Error("Missing required property 'serverId'");
            resourceInputs["serverId"] = args?.serverId;
            resourceInputs["database"] = args?.database;
            resourceInputs["remote"] = args?.remote;
            resourceInputs["host"] = args?.host;
            resourceInputs["passwordRotation"] = args?.passwordRotation;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["username"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
            resourceInputs["maxConnections"] = undefined /*out*/;
            resourceInputs["createdAt"] = undefined /*out*/;
            resourceInputs["updatedAt"] = undefined /*out*/;
        } else {
            resourceInputs["serverId"] = undefined /*out*/;
            resourceInputs["database"] = undefined /*out*/;
            resourceInputs["remote"] = undefined /*out*/;
            resourceInputs["host"] = undefined /*out*/;
            resourceInputs["passwordRotation"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["username"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
            resourceInputs["maxConnections"] = undefined /*out*/;
            resourceInputs["createdAt"] = undefined /*out*/;
            resourceInputs["updatedAt"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["password"] });
        super(ServerDatabase.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a ServerDatabase. */
export interface ServerDatabaseArgs {
    /**
     * The numeric id of the server the database belongs to (the panel's routes take the id, not the UUID).
     */
    serverId: pulumi.Input<number>;
    /**
     * The name asked for: letters, digits, '_' and '-'. The panel stores it prefixed with the server (s12_ + name, 48 characters in all); the `name` output is the stored one.
     */
    database: pulumi.Input<string>;
    /**
     * Where the database user may connect from: an IPv4 address or pattern (192.168.%), % for anywhere (the default).
     */
    remote?: pulumi.Input<string>;
    /**
     * The id of the panel's database host the database is created on.
     */
    host: pulumi.Input<number>;
    /**
     * Any text; changing it (setting, changing or removing it) has the panel reset the password in place, and the new one is read back. The panel does not store this value: the provider keeps the last one applied.
     */
    passwordRotation?: pulumi.Input<string>;
}
