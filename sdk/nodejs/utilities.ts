// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

/** The SDK's version, sent with every resource so the engine loads the matching plugin. */
export const version = "0.1.0";

export function resourceOptsDefaults(): { version: string } {
    return { version };
}
