// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";

const __config = new pulumi.Config("hosting");

/**
 * How long, in seconds, one HTTP request to an API may take, headers and body, before it counts as failed and is retried where that is safe; default 30. Waits for actions, jobs and provisioning are bounded by the resource's customTimeouts instead. Falls back to `HOSTING_REQUEST_TIMEOUT`.
 */
export declare const requestTimeout: string | undefined;
Object.defineProperty(exports, "requestTimeout", {
    get() {
        return __config.get("requestTimeout") ?? process.env["HOSTING_REQUEST_TIMEOUT"] ?? "30";
    },
    enumerable: true,
});

/**
 * ServerPilot API client id (Account > API). Falls back to `SERVERPILOT_CLIENT_ID`.
 */
export declare const serverpilotClientId: string | undefined;
Object.defineProperty(exports, "serverpilotClientId", {
    get() {
        return __config.get("serverpilotClientId") ?? process.env["SERVERPILOT_CLIENT_ID"] ?? undefined;
    },
    enumerable: true,
});

/**
 * ServerPilot API key. Only one key is active at a time. Falls back to `SERVERPILOT_API_KEY`.
 */
export declare const serverpilotApiKey: string | undefined;
Object.defineProperty(exports, "serverpilotApiKey", {
    get() {
        return __config.get("serverpilotApiKey") ?? process.env["SERVERPILOT_API_KEY"] ?? undefined;
    },
    enumerable: true,
});

/**
 * ServerPilot API base URL. Falls back to `SERVERPILOT_ENDPOINT`.
 */
export declare const serverpilotEndpoint: string | undefined;
Object.defineProperty(exports, "serverpilotEndpoint", {
    get() {
        return __config.get("serverpilotEndpoint") ?? process.env["SERVERPILOT_ENDPOINT"] ?? "https://api.serverpilot.io/v1";
    },
    enumerable: true,
});

/**
 * PEM certificate of the authority that signed the endpoint's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `SERVERPILOT_CA_CERTIFICATE`.
 */
export declare const serverpilotCaCertificate: string | undefined;
Object.defineProperty(exports, "serverpilotCaCertificate", {
    get() {
        return __config.get("serverpilotCaCertificate") ?? process.env["SERVERPILOT_CA_CERTIFICATE"] ?? undefined;
    },
    enumerable: true,
});

/**
 * Combell reseller API key (control panel > API). Falls back to `COMBELL_API_KEY`.
 */
export declare const combellApiKey: string | undefined;
Object.defineProperty(exports, "combellApiKey", {
    get() {
        return __config.get("combellApiKey") ?? process.env["COMBELL_API_KEY"] ?? undefined;
    },
    enumerable: true,
});

/**
 * Combell reseller API secret, which signs every request (HMAC); it is never sent. Falls back to `COMBELL_API_SECRET`.
 */
export declare const combellApiSecret: string | undefined;
Object.defineProperty(exports, "combellApiSecret", {
    get() {
        return __config.get("combellApiSecret") ?? process.env["COMBELL_API_SECRET"] ?? undefined;
    },
    enumerable: true,
});

/**
 * Combell reseller API URL, without the API version: the provider adds /v2. Falls back to `COMBELL_ENDPOINT`.
 */
export declare const combellEndpoint: string | undefined;
Object.defineProperty(exports, "combellEndpoint", {
    get() {
        return __config.get("combellEndpoint") ?? process.env["COMBELL_ENDPOINT"] ?? "https://api.combell.com";
    },
    enumerable: true,
});

/**
 * PEM certificate of the authority that signed the endpoint's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `COMBELL_CA_CERTIFICATE`.
 */
export declare const combellCaCertificate: string | undefined;
Object.defineProperty(exports, "combellCaCertificate", {
    get() {
        return __config.get("combellCaCertificate") ?? process.env["COMBELL_CA_CERTIFICATE"] ?? undefined;
    },
    enumerable: true,
});

/**
 * DBaaS API URL, without the API path: the provider adds /api/v1. Falls back to `DBAAS_ENDPOINT`.
 */
export declare const dbaasEndpoint: string | undefined;
Object.defineProperty(exports, "dbaasEndpoint", {
    get() {
        return __config.get("dbaasEndpoint") ?? process.env["DBAAS_ENDPOINT"] ?? undefined;
    },
    enumerable: true,
});

/**
 * DBaaS API token (Bearer), with the scopes databases:read and databases:write. Falls back to `DBAAS_API_TOKEN`.
 */
export declare const dbaasApiToken: string | undefined;
Object.defineProperty(exports, "dbaasApiToken", {
    get() {
        return __config.get("dbaasApiToken") ?? process.env["DBAAS_API_TOKEN"] ?? undefined;
    },
    enumerable: true,
});

/**
 * PEM certificate of the authority that signed the endpoint's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `DBAAS_CA_CERTIFICATE`.
 */
export declare const dbaasCaCertificate: string | undefined;
Object.defineProperty(exports, "dbaasCaCertificate", {
    get() {
        return __config.get("dbaasCaCertificate") ?? process.env["DBAAS_CA_CERTIFICATE"] ?? undefined;
    },
    enumerable: true,
});

/**
 * The panel's base URL (https://panel.example.com); the provider adds /api/application. Falls back to `PTERODACTYL_ENDPOINT`.
 */
export declare const pterodactylEndpoint: string | undefined;
Object.defineProperty(exports, "pterodactylEndpoint", {
    get() {
        return __config.get("pterodactylEndpoint") ?? process.env["PTERODACTYL_ENDPOINT"] ?? undefined;
    },
    enumerable: true,
});

/**
 * An Application API key of the panel (Admin > Application API) that may read and write server databases. Falls back to `PTERODACTYL_API_KEY`.
 */
export declare const pterodactylApiKey: string | undefined;
Object.defineProperty(exports, "pterodactylApiKey", {
    get() {
        return __config.get("pterodactylApiKey") ?? process.env["PTERODACTYL_API_KEY"] ?? undefined;
    },
    enumerable: true,
});

/**
 * PEM certificate of the authority that signed the panel's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `PTERODACTYL_CA_CERTIFICATE`.
 */
export declare const pterodactylCaCertificate: string | undefined;
Object.defineProperty(exports, "pterodactylCaCertificate", {
    get() {
        return __config.get("pterodactylCaCertificate") ?? process.env["PTERODACTYL_CA_CERTIFICATE"] ?? undefined;
    },
    enumerable: true,
});

/**
 * The WisPanel panel's address, such as https://panel.example.com:2083; the provider adds /api/v1. Falls back to `WISPANEL_ENDPOINT`.
 */
export declare const wispanelEndpoint: string | undefined;
Object.defineProperty(exports, "wispanelEndpoint", {
    get() {
        return __config.get("wispanelEndpoint") ?? process.env["WISPANEL_ENDPOINT"] ?? undefined;
    },
    enumerable: true,
});

/**
 * A WisPanel API key (wsp_...), sent as a Bearer token. Its owner's username prefixes every database and user it creates. Falls back to `WISPANEL_API_TOKEN`.
 */
export declare const wispanelApiToken: string | undefined;
Object.defineProperty(exports, "wispanelApiToken", {
    get() {
        return __config.get("wispanelApiToken") ?? process.env["WISPANEL_API_TOKEN"] ?? undefined;
    },
    enumerable: true,
});

/**
 * PEM certificate of the authority that signed the panel's certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on). Falls back to `WISPANEL_CA_CERTIFICATE`.
 */
export declare const wispanelCaCertificate: string | undefined;
Object.defineProperty(exports, "wispanelCaCertificate", {
    get() {
        return __config.get("wispanelCaCertificate") ?? process.env["WISPANEL_CA_CERTIFICATE"] ?? undefined;
    },
    enumerable: true,
});
