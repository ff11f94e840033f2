// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A MySQL/MariaDB database in WisPanel with its user. Its name and user are prefixed with the API key's owner when it is created, so `fullName` (the id, as `pulumi import` takes it), `fullUser` and `owner` are known only after the first create. The password and remote access change in place; deleting it drops the database and its user.
 *
 * ## Import
 *
 * The id is `<fullName>`, such as `john_forum`:
 *
 * ```sh
 * pulumi import hosting:wispanel:Database forum john_forum
 * ```
 */
export class Database extends pulumi.CustomResource {
    /** Gets an existing Database by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Database {
        return new Database(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:wispanel:Database";

    /** Whether the given object is an instance of Database, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Database {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Database.__pulumiType;
    }

    /**
     * The database's name without the owner prefix: letters, digits and '_'. WisPanel prefixes it with the API key's owner (mydb becomes john_mydb): `fullName` is the real one, and the id.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * The MySQL user made with the database, without the owner prefix (mydb_user becomes john_mydb_user): letters, digits and '_'.
     */
    declare public readonly user: pulumi.Output<string>;
    /**
     * The user's password. Changed in place (reset-password); WisPanel never returns it.
     */
    declare public readonly password: pulumi.Output<string>;
    /**
     * The domain the database belongs to in the panel.
     */
    declare public readonly domain: pulumi.Output<string | undefined>;
    /**
     * Whether the user may connect from `remoteHost`, not only from the panel's machine. Changed in place.
     */
    declare public readonly remoteAccess: pulumi.Output<boolean | undefined>;
    /**
     * Where the user may connect from when `remoteAccess` is on: a host, an IP address, or a pattern; "%" allows any host. Changed in place.
     */
    declare public readonly remoteHost: pulumi.Output<string | undefined>;
    /**
     * The database's name with the owner prefix (john_mydb); also its id.
     */
    declare public readonly fullName: pulumi.Output<string>;
    /**
     * The MySQL user's name with the owner prefix (john_mydb_user): the one to log in with.
     */
    declare public readonly fullUser: pulumi.Output<string>;
    /**
     * The panel user who owns the database: the API key's owner, whose username prefixes the names.
     */
    declare public readonly owner: pulumi.Output<string>;
    /**
     * What the database holds, in KB, when last read.
     */
    declare public readonly sizeKb: pulumi.Output<number | undefined>;
    /**
     * When the database was created (ISO 8601).
     */
    declare public readonly createdAt: pulumi.Output<string | undefined>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.name === undefined && !opts.urn) throw new Error("Missing required property 'name'");
            if (args?.password === undefined && !opts.urn) throw new Error("Missing required property 'password'");
            if (args?.user === undefined && !opts.urn) throw new Error("Missing required property 'user'");
            resourceInputs["name"] = args?.name;
            resourceInputs["user"] = args?.user;
            resourceInputs["password"] = args?.password ? pulumi.secret(args.password) : undefined;
            resourceInputs["domain"] = args?.domain;
            resourceInputs["remoteAccess"] = args?.remoteAccess;
            resourceInputs["remoteHost"] = args?.remoteHost;
            resourceInputs["fullName"] = undefined /*out*/;
            resourceInputs["fullUser"] = undefined /*out*/;
            resourceInputs["owner"] = undefined /*out*/;
            resourceInputs["sizeKb"] = undefined /*out*/;
            resourceInputs["createdAt"] = undefined /*out*/;
        } else {
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["user"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
            resourceInputs["domain"] = undefined /*out*/;
            resourceInputs["remoteAccess"] = undefined /*out*/;
            resourceInputs["remoteHost"] = undefined /*out*/;
            resourceInputs["fullName"] = undefined /*out*/;
            resourceInputs["fullUser"] = undefined /*out*/;
            resourceInputs["owner"] = undefined /*out*/;
            resourceInputs["sizeKb"] = undefined /*out*/;
            resourceInputs["createdAt"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["password"] });
        super(Database.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Database. */
export interface DatabaseArgs {
    /**
     * The database's name without the owner prefix: letters, digits and '_'. WisPanel prefixes it with the API key's owner (mydb becomes john_mydb): `fullName` is the real one, and the id.
     */
    name: pulumi.Input<string>;
    /**
     * The MySQL user made with the database, without the owner prefix (mydb_user becomes john_mydb_user): letters, digits and '_'.
     */
    user: pulumi.Input<string>;
    /**
     * The user's password. Changed in place (reset-password); WisPanel never returns it.
     */
    password: pulumi.Input<string>;
    /**
     * The domain the database belongs to in the panel.
     */
    domain?: pulumi.Input<string>;
    /**
     * Whether the user may connect from `remoteHost`, not only from the panel's machine. Changed in place.
     */
    remoteAccess?: pulumi.Input<boolean>;
    /**
     * Where the user may connect from when `remoteAccess` is on: a host, an IP address, or a pattern; "%" allows any host. Changed in place.
     */
    remoteHost?: pulumi.Input<string>;
}
