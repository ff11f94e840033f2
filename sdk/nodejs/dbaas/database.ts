// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A DBaaS database instance: PostgreSQL, MySQL, Redis or MongoDB. Creating it waits until it leaves `provisioning` and is `running`, then reads its connection credentials (all secret); deleting it waits until it is gone.
 *
 * The DBaaS cannot change a database: **every change of an input replaces it**, and replacing or deleting it permanently destroys the instance and all its data. The new one is created before the old one is deleted, but nothing is copied across. Protect a database that holds data: `{ protect: true }` in its resource options makes `pulumi up` refuse the replacement and `pulumi destroy` the deletion.
 *
 * Its id is the DBaaS's (db_a1b2c3d4), as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<databaseId>`, such as `db_a1b2c3d4`:
 *
 * ```sh
 * pulumi import hosting:dbaas:Database analytics db_a1b2c3d4
 * ```
 */
export class Database extends pulumi.CustomResource {
    /** Gets an existing Database by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Database {
        return new Database(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:dbaas:Database";

    /** Whether the given object is an instance of Database, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Database {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Database.__pulumiType;
    }

    /**
     * The database instance's name (1 to 63 characters); the DBaaS makes its slug and host from it.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * The engine: postgresql, mysql, redis or mongodb. One of: `postgresql`, `mysql`, `redis`, `mongodb`.
     */
    declare public readonly dbType: pulumi.Output<string>;
    /**
     * The engine version, one the DBaaS offers (postgresql 14, 15, 16; mysql 8.0, 8.4; redis 7.0, 7.2; mongodb 6.0, 7.0). Default: the newest of the engine.
     */
    declare public readonly version: pulumi.Output<string | undefined>;
    /**
     * The instance size plan, e.g. db-s-2vcpu-4gb.
     */
    declare public readonly planId: pulumi.Output<string>;
    /**
     * The region it runs in, e.g. nyc1.
     */
    declare public readonly region: pulumi.Output<string>;
    /**
     * Storage size in GB. Default 10.
     */
    declare public readonly storageGb: pulumi.Output<number | undefined>;
    /**
     * Number of replicas for high availability. Default 1.
     */
    declare public readonly replicas: pulumi.Output<number | undefined>;
    /**
     * provisioning, running, stopped, error or destroyed.
     */
    declare public readonly status: pulumi.Output<string>;
    /**
     * When it was created (ISO 8601).
     */
    declare public readonly createdAt: pulumi.Output<string | undefined>;
    /**
     * The project it belongs to.
     */
    declare public readonly projectId: pulumi.Output<string | undefined>;
    /**
     * The slug the DBaaS made from the name.
     */
    declare public readonly slug: pulumi.Output<string | undefined>;
    /**
     * The host to connect to (from /credentials; left out of getDatabases results).
     */
    declare public readonly host: pulumi.Output<string | undefined>;
    /**
     * The port to connect to (from /credentials; left out of getDatabases results).
     */
    declare public readonly port: pulumi.Output<number | undefined>;
    /**
     * The user to log in as; none for Redis (from /credentials; left out of getDatabases results).
     */
    declare public readonly username: pulumi.Output<string | undefined>;
    /**
     * The password (from /credentials; left out of getDatabases results).
     */
    declare public readonly password: pulumi.Output<string | undefined>;
    /**
     * The database to connect to; none for Redis (from /credentials; left out of getDatabases results).
     */
    declare public readonly database: pulumi.Output<string | undefined>;
    /**
     * The SSL mode to connect with (require); none for Redis (from /credentials; left out of getDatabases results).
     */
    declare public readonly sslMode: pulumi.Output<string | undefined>;
    /**
     * A connection URL with the credentials in it (from /credentials; left out of getDatabases results).
     */
    declare public readonly connectionString: pulumi.Output<string | undefined>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.dbType === undefined && !opts.urn) throw new Error("Missing required property 'dbType'");
            if (args?.name === undefined && !opts.urn) throw new Error("Missing required property 'name'");
            if (args?.planId === undefined && !opts.urn) throw new Error("Missing required property 'planId'");
            if (args?.region === undefined && !opts.urn) throw new Error("Missing required property 'region'");
            resourceInputs["name"] = args?.name;
            resourceInputs["dbType"] = args?.dbType;
            resourceInputs["version"] = args?.version;
            resourceInputs["planId"] = args?.planId;
            resourceInputs["region"] = args?.region;
            resourceInputs["storageGb"] = args?.storageGb;
            resourceInputs["replicas"] = args?.replicas;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["createdAt"] = undefined /*out*/;
            resourceInputs["projectId"] = undefined /*out*/;
            resourceInputs["slug"] = undefined /*out*/;
            resourceInputs["host"] = undefined /*out*/;
            resourceInputs["port"] = undefined /*out*/;
            resourceInputs["username"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
            resourceInputs["database"] = undefined /*out*/;
            resourceInputs["sslMode"] = undefined /*out*/;
            resourceInputs["connectionString"] = undefined /*out*/;
        } else {
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["dbType"] = undefined /*out*/;
            resourceInputs["version"] = undefined /*out*/;
            resourceInputs["planId"] = undefined /*out*/;
            resourceInputs["region"] = undefined /*out*/;
            resourceInputs["storageGb"] = undefined /*out*/;
            resourceInputs["replicas"] = undefined /*out*/;
            resourceInputs["status"] = undefined /*out*/;
            resourceInputs["createdAt"] = undefined /*out*/;
            resourceInputs["projectId"] = undefined /*out*/;
            resourceInputs["slug"] = undefined /*out*/;
            resourceInputs["host"] = undefined /*out*/;
            resourceInputs["port"] = undefined /*out*/;
            resourceInputs["username"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
            resourceInputs["database"] = undefined /*out*/;
            resourceInputs["sslMode"] = undefined /*out*/;
            resourceInputs["connectionString"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["host","port","username","password","database","sslMode","connectionString"] });
        super(Database.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Database. */
export interface DatabaseArgs {
    /**
     * The database instance's name (1 to 63 characters); the DBaaS makes its slug and host from it.
     */
    name: pulumi.Input<string>;
    /**
     * The engine: postgresql, mysql, redis or mongodb. One of: `postgresql`, `mysql`, `redis`, `mongodb`.
     */
    dbType: pulumi.Input<string>;
    /**
     * The engine version, one the DBaaS offers (postgresql 14, 15, 16; mysql 8.0, 8.4; redis 7.0, 7.2; mongodb 6.0, 7.0). Default: the newest of the engine.
     */
    version?: pulumi.Input<string>;
    /**
     * The instance size plan, e.g. db-s-2vcpu-4gb.
     */
    planId: pulumi.Input<string>;
    /**
     * The region it runs in, e.g. nyc1.
     */
    region: pulumi.Input<string>;
    /**
     * Storage size in GB. Default 10.
     */
    storageGb?: pulumi.Input<number>;
    /**
     * Number of replicas for high availability. Default 1.
     */
    replicas?: pulumi.Input<number>;
}
