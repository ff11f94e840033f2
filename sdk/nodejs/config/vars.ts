// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";

const __config = new pulumi.Config("hosting");

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
