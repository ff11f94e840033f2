// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/**
 * The provider type for the hosting package. Every setting falls back to its environment variable.
 */
export class Provider extends pulumi.ProviderResource {
    /** @internal */
    public static readonly __pulumiType = "hosting";

    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        resourceInputs["requestTimeout"] = args?.requestTimeout;
        resourceInputs["serverpilotClientId"] = args?.serverpilotClientId;
        resourceInputs["serverpilotApiKey"] = args?.serverpilotApiKey ? pulumi.secret(args.serverpilotApiKey) : undefined;
        resourceInputs["serverpilotEndpoint"] = args?.serverpilotEndpoint;
        resourceInputs["serverpilotCaCertificate"] = args?.serverpilotCaCertificate;
        resourceInputs["combellApiKey"] = args?.combellApiKey;
        resourceInputs["combellApiSecret"] = args?.combellApiSecret ? pulumi.secret(args.combellApiSecret) : undefined;
        resourceInputs["combellEndpoint"] = args?.combellEndpoint;
        resourceInputs["combellCaCertificate"] = args?.combellCaCertificate;
        resourceInputs["dbaasEndpoint"] = args?.dbaasEndpoint;
        resourceInputs["dbaasApiToken"] = args?.dbaasApiToken ? pulumi.secret(args.dbaasApiToken) : undefined;
        resourceInputs["dbaasCaCertificate"] = args?.dbaasCaCertificate;
        resourceInputs["pterodactylEndpoint"] = args?.pterodactylEndpoint;
        resourceInputs["pterodactylApiKey"] = args?.pterodactylApiKey ? pulumi.secret(args.pterodactylApiKey) : undefined;
        resourceInputs["pterodactylCaCertificate"] = args?.pterodactylCaCertificate;
        resourceInputs["wispanelEndpoint"] = args?.wispanelEndpoint;
        resourceInputs["wispanelApiToken"] = args?.wispanelApiToken ? pulumi.secret(args.wispanelApiToken) : undefined;
        resourceInputs["wispanelCaCertificate"] = args?.wispanelCaCertificate;
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts || {});
        super(Provider.__pulumiType, name, resourceInputs, opts);
    }
}

/** The settings of an explicit hosting provider; each falls back to its environment variable. */
export interface ProviderArgs {
    /**
     * How long, in seconds, one HTTP request to an API may take, headers and body, before it counts as failed and is retried where that is safe; default 30. Waits for actions, jobs and provisioning are bounded by the resource's customTimeouts instead. Falls back to `HOSTING_REQUEST_TIMEOUT`.
     */
    requestTimeout?: pulumi.Input<string>;
    /**
     * ServerPilot API client id (Account > API). Falls back to `SERVERPILOT_CLIENT_ID`.
     */
    serverpilotClientId?: pulumi.Input<string>;
    /**
     * ServerPilot API key. Only one key is active at a time. Falls back to `SERVERPILOT_API_KEY`.
     */
    serverpilotApiKey?: pulumi.Input<string>;
    /**
     * ServerPilot API base URL. Falls back to `SERVERPILOT_ENDPOINT`.
     */
    serverpilotEndpoint?: pulumi.Input<string>;
    /**
     * PEM certificate of the authority that signed the endpoint's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `SERVERPILOT_CA_CERTIFICATE`.
     */
    serverpilotCaCertificate?: pulumi.Input<string>;
    /**
     * Combell reseller API key (control panel > API). Falls back to `COMBELL_API_KEY`.
     */
    combellApiKey?: pulumi.Input<string>;
    /**
     * Combell reseller API secret, which signs every request (HMAC); it is never sent. Falls back to `COMBELL_API_SECRET`.
     */
    combellApiSecret?: pulumi.Input<string>;
    /**
     * Combell reseller API URL, without the API version: the provider adds /v2. Falls back to `COMBELL_ENDPOINT`.
     */
    combellEndpoint?: pulumi.Input<string>;
    /**
     * PEM certificate of the authority that signed the endpoint's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `COMBELL_CA_CERTIFICATE`.
     */
    combellCaCertificate?: pulumi.Input<string>;
    /**
     * DBaaS API URL, without the API path: the provider adds /api/v1. Falls back to `DBAAS_ENDPOINT`.
     */
    dbaasEndpoint?: pulumi.Input<string>;
    /**
     * DBaaS API token (Bearer), with the scopes databases:read and databases:write. Falls back to `DBAAS_API_TOKEN`.
     */
    dbaasApiToken?: pulumi.Input<string>;
    /**
     * PEM certificate of the authority that signed the endpoint's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `DBAAS_CA_CERTIFICATE`.
     */
    dbaasCaCertificate?: pulumi.Input<string>;
    /**
     * The panel's base URL (https://panel.example.com); the provider adds /api/application. Falls back to `PTERODACTYL_ENDPOINT`.
     */
    pterodactylEndpoint?: pulumi.Input<string>;
    /**
     * An Application API key of the panel (Admin > Application API) that may read and write server databases. Falls back to `PTERODACTYL_API_KEY`.
     */
    pterodactylApiKey?: pulumi.Input<string>;
    /**
     * PEM certificate of the authority that signed the panel's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `PTERODACTYL_CA_CERTIFICATE`.
     */
    pterodactylCaCertificate?: pulumi.Input<string>;
    /**
     * The WisPanel panel's address, such as https://panel.example.com:2083; the provider adds /api/v1. Falls back to `WISPANEL_ENDPOINT`.
     */
    wispanelEndpoint?: pulumi.Input<string>;
    /**
     * A WisPanel API key (wsp_...), sent as a Bearer token. Its owner's username prefixes every database and user it creates. Falls back to `WISPANEL_API_TOKEN`.
     */
    wispanelApiToken?: pulumi.Input<string>;
    /**
     * PEM certificate of the authority that signed the panel's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `WISPANEL_CA_CERTIFICATE`.
     */
    wispanelCaCertificate?: pulumi.Input<string>;
}
