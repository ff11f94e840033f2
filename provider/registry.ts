import type { ApiBinding, ConfigVariable } from "./kit/api";
import type { ProviderFunction, Resource } from "./kit/resource";

import { backend as serverpilot } from "./backends/serverpilot";

/** Everything the provider serves. The plugin loads it on the first request, after printing its port. */
export interface Registry {
  apis: ApiBinding[];
  resources: Map<string, Resource>;
  functions: Map<string, ProviderFunction>;
  configVariables: ConfigVariable[];
}

export interface Backend {
  api: ApiBinding;
  resources: Resource<any, any>[];
  functions: ProviderFunction<any, any>[];
}

let loaded: Registry | undefined;

export function registry(): Registry {
  if (loaded) return loaded;
  const backends: Backend[] = [serverpilot];
  loaded = {
    apis: backends.map((b) => b.api),
    resources: new Map(backends.flatMap((b) => b.resources.map((r) => [r.token, r] as const))),
    functions: new Map(backends.flatMap((b) => b.functions.map((f) => [f.token, f] as const))),
    configVariables: backends.flatMap((b) => b.api.config),
  };
  return loaded;
}
