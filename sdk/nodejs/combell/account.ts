// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * A reseller account: an instance of a servicepack (a hosting package with its Linux hosting, domain, mailboxes and databases). Creating it starts a provisioning job the provider follows until the account exists. The API cannot delete an account: destroying it only removes it from the stack, with a warning, and the account must be cancelled with Combell. Its id is the account's number, as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<accountId>`, such as `111125`:
 *
 * ```sh
 * pulumi import hosting:combell:Account shop 111125
 * ```
 */
export class Account extends pulumi.CustomResource {
    /** Gets an existing Account by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Account {
        return new Account(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:Account";

    /** Whether the given object is an instance of Account, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Account {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Account.__pulumiType;
    }

    /**
     * The account's identifier, 1 to 255 characters; for a hosting account, its domain name (example.com).
     */
    declare public readonly identifier: pulumi.Output<string>;
    /**
     * The servicepack the account is an instance of (see getServicepacks).
     */
    declare public readonly servicepackId: pulumi.Output<number>;
    /**
     * The FTP password, for servicepacks with hosting: 8 to 20 characters with at least one letter and one digit, no spaces and none of * € $ & + } { ' " \. Used only when the account is created: the API cannot change it later, so a new value is recorded with a warning and the account keeps its password. Combell never returns it.
     */
    declare public readonly ftpPassword: pulumi.Output<string | undefined>;
    /**
     * The servicepack's name (left out of getAccounts results).
     */
    declare public readonly servicepackName: pulumi.Output<string | undefined>;
    /**
     * The addons applied to the account (left out of getAccounts results).
     */
    declare public readonly addons: pulumi.Output<outputs.combell.AccountAddon[] | undefined>;

    constructor(name: string, args: AccountArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.identifier === undefined && !opts.urn) throw new Error("Missing required property 'identifier'");
            if (args?.servicepackId === undefined && !opts.urn) throw new Error("Missing required property 'servicepackId'");
            resourceInputs["identifier"] = args?.identifier;
            resourceInputs["servicepackId"] = args?.servicepackId;
            resourceInputs["ftpPassword"] = args?.ftpPassword ? pulumi.secret(args.ftpPassword) : undefined;
            resourceInputs["servicepackName"] = undefined /*out*/;
            resourceInputs["addons"] = undefined /*out*/;
        } else {
            resourceInputs["identifier"] = undefined /*out*/;
            resourceInputs["servicepackId"] = undefined /*out*/;
            resourceInputs["ftpPassword"] = undefined /*out*/;
            resourceInputs["servicepackName"] = undefined /*out*/;
            resourceInputs["addons"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["ftpPassword"] });
        super(Account.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Account. */
export interface AccountArgs {
    /**
     * The account's identifier, 1 to 255 characters; for a hosting account, its domain name (example.com).
     */
    identifier: pulumi.Input<string>;
    /**
     * The servicepack the account is an instance of (see getServicepacks).
     */
    servicepackId: pulumi.Input<number>;
    /**
     * The FTP password, for servicepacks with hosting: 8 to 20 characters with at least one letter and one digit, no spaces and none of * € $ & + } { ' " \. Used only when the account is created: the API cannot change it later, so a new value is recorded with a warning and the account keeps its password. Combell never returns it.
     */
    ftpPassword?: pulumi.Input<string>;
}
