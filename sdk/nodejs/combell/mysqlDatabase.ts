// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A MySQL database of a reseller account, with the user it is created with. Creating it starts a provisioning job the provider follows until the database exists; the password changes in place; deleting it waits until Combell no longer lists it. Its id is the provisioned name (ID111125_tests), as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<provisioned name>`, such as `ID111125_shop`:
 *
 * ```sh
 * pulumi import hosting:combell:MysqlDatabase shopdb ID111125_shop
 * ```
 */
export class MysqlDatabase extends pulumi.CustomResource {
    /** Gets an existing MysqlDatabase by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): MysqlDatabase {
        return new MysqlDatabase(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:MysqlDatabase";

    /** Whether the given object is an instance of MysqlDatabase, even across copies of this SDK. */
    public static isInstance(obj: any): obj is MysqlDatabase {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === MysqlDatabase.__pulumiType;
    }

    /**
     * The name asked for, 2 to 14 lowercase letters and digits (the rule of Combell's MySQL user names, as the database's user takes its name). Combell prefixes it when it provisions the database (tests becomes ID111125_tests): the `name` output is the real one.
     */
    declare public readonly databaseName: pulumi.Output<string>;
    /**
     * The account the database belongs to (an Account's id).
     */
    declare public readonly accountId: pulumi.Output<number>;
    /**
     * The password of the database's user: 8 to 20 characters with at least one letter and one digit, no spaces and none of * € $ & + } { ' " \. Changed in place. Combell never returns it.
     */
    declare public readonly password: pulumi.Output<string>;
    /**
     * The database's name as provisioned, with its prefix (ID111125_tests); also its id.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * The host to connect to (ID111125_tests.db.webhosting.be).
     */
    declare public readonly hostname: pulumi.Output<string>;
    /**
     * The database user the password belongs to: the one named like the database, else its first read-and-write user (left out of getMysqlDatabases results).
     */
    declare public readonly userName: pulumi.Output<string | undefined>;
    /**
     * How many users the database has.
     */
    declare public readonly userCount: pulumi.Output<number | undefined>;
    /**
     * The most the database may hold, in MB.
     */
    declare public readonly maxSize: pulumi.Output<number | undefined>;
    /**
     * What the database holds, in MB.
     */
    declare public readonly actualSize: pulumi.Output<number | undefined>;

    constructor(name: string, args: MysqlDatabaseArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.accountId === undefined && !opts.urn) throw new Error("Missing required property 'accountId'");
            if (args?.databaseName === undefined && !opts.urn) throw new Error("Missing required property 'databaseName'");
            if (args?.password === undefined && !opts.urn) throw new Error("Missing required property 'password'");
            resourceInputs["databaseName"] = args?.databaseName;
            resourceInputs["accountId"] = args?.accountId;
            resourceInputs["password"] = args?.password ? pulumi.secret(args.password) : undefined;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["hostname"] = undefined /*out*/;
            resourceInputs["userName"] = undefined /*out*/;
            resourceInputs["userCount"] = undefined /*out*/;
            resourceInputs["maxSize"] = undefined /*out*/;
            resourceInputs["actualSize"] = undefined /*out*/;
        } else {
            resourceInputs["databaseName"] = undefined /*out*/;
            resourceInputs["accountId"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["hostname"] = undefined /*out*/;
            resourceInputs["userName"] = undefined /*out*/;
            resourceInputs["userCount"] = undefined /*out*/;
            resourceInputs["maxSize"] = undefined /*out*/;
            resourceInputs["actualSize"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["password"] });
        super(MysqlDatabase.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a MysqlDatabase. */
export interface MysqlDatabaseArgs {
    /**
     * The name asked for, 2 to 14 lowercase letters and digits (the rule of Combell's MySQL user names, as the database's user takes its name). Combell prefixes it when it provisions the database (tests becomes ID111125_tests): the `name` output is the real one.
     */
    databaseName: pulumi.Input<string>;
    /**
     * The account the database belongs to (an Account's id).
     */
    accountId: pulumi.Input<number>;
    /**
     * The password of the database's user: 8 to 20 characters with at least one letter and one digit, no spaces and none of * € $ & + } { ' " \. Changed in place. Combell never returns it.
     */
    password: pulumi.Input<string>;
}
