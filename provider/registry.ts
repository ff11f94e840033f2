import type { Api } from "./kit/api";
import type { Listing } from "./kit/listing";
import type { Backend, ProviderFunction, Resource } from "./kit/resource";

import { backend as combell } from "./backends/combell";
import { backend as dbaas } from "./backends/dbaas";
import { backend as pterodactyl } from "./backends/pterodactyl";
import { backend as serverpilot } from "./backends/serverpilot";
import { backend as wispanel } from "./backends/wispanel";

/** Everything the provider serves. The plugin loads it on the first request, after printing its port. */
export interface Registry {
  apis: Api[];
  resources: Map<string, Resource>;
  functions: Map<string, ProviderFunction>;
  /** How every resource of each kind is found (a list function's, or the backend's own), by token. */
  listings: Map<string, Listing>;
}

let loaded: Registry | undefined;

export function registry(): Registry {
  if (loaded) return loaded;
  const backends: Backend[] = [serverpilot, combell, dbaas, pterodactyl, wispanel];
  loaded = {
    apis: backends.map((b) => b.api),
    resources: new Map(backends.flatMap((b) => b.resources.map((r) => [r.token, r] as const))),
    functions: new Map(backends.flatMap((b) => b.functions.map((f) => [f.token, f] as const))),
    listings: new Map(
      backends.flatMap((b) => [...b.functions.flatMap((f) => (f.listing ? [f.listing] : [])), ...(b.listings ?? [])]).map((l) => [l.resource.token, l] as const),
    ),
  };
  return loaded;
}
