// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.
export { Provider, type ProviderArgs } from "./provider";
import * as config from "./config";
import * as types from "./types";
import * as serverpilot from "./serverpilot";
import * as combell from "./combell";
import * as dbaas from "./dbaas";
import * as pterodactyl from "./pterodactyl";
import * as wispanel from "./wispanel";

export { config, types, serverpilot, combell, dbaas, pterodactyl, wispanel };
