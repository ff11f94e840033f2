// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.
export * from "./vars";
