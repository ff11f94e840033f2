import { registry } from "../../provider/registry";
import type { ProviderUnderTest } from "./provider-under-test";
import { startServer, type TestServer } from "../support/http-test-server";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { answered } from "./properties";

export { runs, SEED } from "../support/property-runs";

/**
 * A local HTTP server standing in for every API's endpoint: it counts what reaches it and
 * refuses it, so a request that should never have been made is seen, not served.
 */
export async function startApiCounter(): Promise<TestServer> {
  return startServer((_req, res) => {
    res.statusCode = 400;
    res.setHeader("content-type", "application/json");
    // Plenty left: a client that paces itself by these headers does not wait on the counter.
    res.setHeader("x-ratelimit-limit", "1000000");
    res.setHeader("x-ratelimit-remaining", "999999");
    res.setHeader("x-ratelimit-reset", String(Math.ceil(Date.now() / 1000) + 60));
    res.end(JSON.stringify({ error: "the property tests' API counter answers nothing" }));
  });
}

/** Config that points every API at `origin`, with credentials of the right form. */
export function configPointingAt(origin: string): Record<string, string> {
  const values: Record<string, string> = {
    serverpilotClientId: "cid-properties",
    serverpilotApiKey: "sp-key-properties",
    combellApiKey: "combell-key-properties",
    combellApiSecret: "combell-secret-properties",
    dbaasApiToken: "dbaas-token-properties",
    pterodactylApiKey: "ptla_properties",
    wispanelApiToken: "wsp_properties",
  };
  for (const variable of registry().apis.flatMap((api) => api.variables)) {
    if (variable.key.endsWith("Endpoint")) values[variable.key] = origin;
  }
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [`hosting:config:${key}`, value]));
}

export async function configure(provider: ProviderUnderTest, variables: Record<string, string>): Promise<void> {
  const request = new rpc.ConfigureRequest().setAcceptsecrets(true).setAcceptresources(true);
  for (const [key, value] of Object.entries(variables)) request.getVariablesMap().set(key, value);
  answered(await provider.call("configure", request), "Configure");
}
