// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "../utilities";

/**
 * A system user: the Linux account an app runs as, with its home in /srv/users/<name>. Deleting it deletes its apps and their databases.
 *
 * ## Import
 *
 * The id is `<sysuserId>`, such as `PPkfc1NECzvwiEBI`:
 *
 * ```sh
 * pulumi import hosting:serverpilot:SysUser deployer PPkfc1NECzvwiEBI
 * ```
 */
export class SysUser extends pulumi.CustomResource {
    /** Gets an existing SysUser by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): SysUser {
        return new SysUser(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:serverpilot:SysUser";

    /** Whether the given object is an instance of SysUser, even across copies of this SDK. */
    public static isInstance(obj: any): obj is SysUser {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === SysUser.__pulumiType;
    }

    /**
     * The id of the server the system user lives on.
     */
    declare public readonly serverId: pulumi.Output<string>;
    /**
     * The Linux user name: 3 to 32 lowercase letters, digits and '-', starting with a letter.
     */
    declare public readonly name: pulumi.Output<string>;
    /**
     * The user's login password, 8 to 200 characters without surrounding whitespace. Without one the user cannot log in with a password. ServerPilot never returns it.
     */
    declare public readonly password: pulumi.Output<string | undefined>;

    constructor(name: string, args: SysUserArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.name === undefined && !opts.urn) throw new Error("Missing required property 'name'");
            if (args?.serverId === undefined && !opts.urn) throw new Error("Missing required property 'serverId'");
            resourceInputs["serverId"] = args?.serverId;
            resourceInputs["name"] = args?.name;
            resourceInputs["password"] = args?.password ? pulumi.secret(args.password) : undefined;
        } else {
            resourceInputs["serverId"] = undefined /*out*/;
            resourceInputs["name"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["password"] });
        super(SysUser.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a SysUser. */
export interface SysUserArgs {
    /**
     * The id of the server the system user lives on.
     */
    serverId: pulumi.Input<string>;
    /**
     * The Linux user name: 3 to 32 lowercase letters, digits and '-', starting with a letter.
     */
    name: pulumi.Input<string>;
    /**
     * The user's login password, 8 to 200 characters without surrounding whitespace. Without one the user cannot log in with a password. ServerPilot never returns it.
     */
    password?: pulumi.Input<string>;
}
