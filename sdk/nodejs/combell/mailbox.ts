// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "../types/input";
import * as outputs from "../types/output";
import * as utilities from "../utilities";

/**
 * A mailbox in an account's mail zone. Its password, auto-reply and auto-forward change in place; another address or account replaces it, and deleting it deletes the mail it holds. Its id is the e-mail address, as `pulumi import` takes it.
 *
 * ## Import
 *
 * The id is `<emailAddress>`, such as `info@example.com`:
 *
 * ```sh
 * pulumi import hosting:combell:Mailbox info info@example.com
 * ```
 */
export class Mailbox extends pulumi.CustomResource {
    /** Gets an existing Mailbox by its id, without managing it. */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): Mailbox {
        return new Mailbox(name, undefined as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "hosting:combell:Mailbox";

    /** Whether the given object is an instance of Mailbox, even across copies of this SDK. */
    public static isInstance(obj: any): obj is Mailbox {
        if (obj === undefined || obj === null) return false;
        return obj["__pulumiType"] === Mailbox.__pulumiType;
    }

    /**
     * The mailbox's address, in the domain of its account (info@example.com). Also its id, as `pulumi import` takes it.
     */
    declare public readonly emailAddress: pulumi.Output<string>;
    /**
     * The account whose mail zone holds the mailbox (an Account's id, one of getMailZone's accounts). Combell does not show it once the mailbox exists: on import, the program's value is kept.
     */
    declare public readonly accountId: pulumi.Output<number>;
    /**
     * The mailbox's password: 8 to 20 characters with at least one letter and one digit, no spaces and none of * € $ & + } { ' " \. Changed in place. Combell never returns it.
     */
    declare public readonly password: pulumi.Output<string>;
    /**
     * An automatic answer to incoming mail, changed in place. Left out, it is not managed.
     */
    declare public readonly autoReply: pulumi.Output<outputs.combell.MailboxAutoReply | undefined>;
    /**
     * Forwarding of incoming mail, changed in place. Left out, it is not managed.
     */
    declare public readonly autoForward: pulumi.Output<outputs.combell.MailboxAutoForward | undefined>;
    /**
     * The login to connect to the mailbox with (left out of getMailboxes results).
     */
    declare public readonly login: pulumi.Output<string | undefined>;
    /**
     * The most the mailbox may hold, in MB.
     */
    declare public readonly maxSize: pulumi.Output<number | undefined>;
    /**
     * What the mailbox holds, in MB.
     */
    declare public readonly actualSize: pulumi.Output<number | undefined>;

    constructor(name: string, args: MailboxArgs, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (!opts.id) {
            if (args?.accountId === undefined && !opts.urn) throw new Error("Missing required property 'accountId'");
            if (args?.emailAddress === undefined && !opts.urn) throw new Error("Missing required property 'emailAddress'");
            if (args?.password === undefined && !opts.urn) throw new Error("Missing required property 'password'");
            resourceInputs["emailAddress"] = args?.emailAddress;
            resourceInputs["accountId"] = args?.accountId;
            resourceInputs["password"] = args?.password ? pulumi.secret(args.password) : undefined;
            resourceInputs["autoReply"] = args?.autoReply;
            resourceInputs["autoForward"] = args?.autoForward;
            resourceInputs["login"] = undefined /*out*/;
            resourceInputs["maxSize"] = undefined /*out*/;
            resourceInputs["actualSize"] = undefined /*out*/;
        } else {
            resourceInputs["emailAddress"] = undefined /*out*/;
            resourceInputs["accountId"] = undefined /*out*/;
            resourceInputs["password"] = undefined /*out*/;
            resourceInputs["autoReply"] = undefined /*out*/;
            resourceInputs["autoForward"] = undefined /*out*/;
            resourceInputs["login"] = undefined /*out*/;
            resourceInputs["maxSize"] = undefined /*out*/;
            resourceInputs["actualSize"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        opts = pulumi.mergeOptions(opts, { additionalSecretOutputs: ["password"] });
        super(Mailbox.__pulumiType, name, resourceInputs, opts);
    }
}

/** The arguments of a Mailbox. */
export interface MailboxArgs {
    /**
     * The mailbox's address, in the domain of its account (info@example.com). Also its id, as `pulumi import` takes it.
     */
    emailAddress: pulumi.Input<string>;
    /**
     * The account whose mail zone holds the mailbox (an Account's id, one of getMailZone's accounts). Combell does not show it once the mailbox exists: on import, the program's value is kept.
     */
    accountId: pulumi.Input<number>;
    /**
     * The mailbox's password: 8 to 20 characters with at least one letter and one digit, no spaces and none of * € $ & + } { ' " \. Changed in place. Combell never returns it.
     */
    password: pulumi.Input<string>;
    /**
     * An automatic answer to incoming mail, changed in place. Left out, it is not managed.
     */
    autoReply?: pulumi.Input<inputs.combell.MailboxAutoReply>;
    /**
     * Forwarding of incoming mail, changed in place. Left out, it is not managed.
     */
    autoForward?: pulumi.Input<inputs.combell.MailboxAutoForward>;
}
