// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * A MySQL database of an app, with its one user.
 *
 * ## Import
 *
 * The id is `<databaseId>`, such as `8PV1OIAlAW3jbGmM`:
 *
 * ```sh
 * pulumi import hosting:serverpilot:Database blogdb 8PV1OIAlAW3jbGmM
 * ```
 */
export class Database extends pulumi.CustomResource {
    /** Gets an existing Database by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Database {
        return new Database(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:serverpilot:Database";

    /** Whether the given object is an instance of Database, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Database {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Database.__pulumiType;
    }

    /**
     * The app the database belongs to.
     */
    declare public readonly appId: pulumi.Output<string>;
    /**
     * The MySQL database name: 3 to 64 lowercase letters, digits and '-'.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * The database's only user.
     */
    declare public readonly user: pulumi.Output<outputs.serverpilot.DatabaseUser>;
    /**
     * The server the database lives on.
     */
    declare public readonly serverId: pulumi.Output<string>;
    /**
     * The id of the database user.
     */
    declare public readonly userId: pulumi.Output<string>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.appId === undefined && !opts.urn) throw new Error("Missing required property 'appId'");
            if (args?.name === undefined && !opts.urn) throw new Error("Missing required property 'name'");
            if (args?.user === undefined && !opts.urn) throw new Error("Missing required property 'user'");
            resourceInputs["appId"] = args?.appId;
            resourceInputs["name"] = args?.name;
            resourceInputs["user"] = args?.user;
            resourceInputs["serverId"] = undefined /*out*/;
            resourceInputs["userId"] = undefined /*out*/;
        } else {
            resourceInputs["appId"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["user"] = undefined /*out*/;
            resourceInputs["serverId"] = undefined /*out*/;
            resourceInputs["userId"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(Database.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Database. */
export interface DatabaseArgs {
    /**
     * The app the database belongs to.
     */
    appId: pulumi.Input<string>;
    /**
     * The MySQL database name: 3 to 64 lowercase letters, digits and '-'.
     */
    name: pulumi.Input<string>;
    /**
     * The database's only user.
     */
    user: pulumi.Input<inputs.serverpilot.DatabaseUser>;
}
