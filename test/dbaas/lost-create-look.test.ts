// A create whose POST answer came too late, near the end of the create's time: the look for what
// it made still gets time of its own, so the database is recorded, not made again by the next up.
import { afterAll, beforeAll, expect, it } from "vitest";
import { PluginError } from "../harness/plugin";
import { startDbaasEnvironment, type DbaasEnvironment } from "../support/dbaas-environment";

let env: DbaasEnvironment;

beforeAll(async () => {
  env = await startDbaasEnvironment();
  // A one-second request timeout, so an answer held back for two is lost.
  await env.plugin.configure({ "hosting:config:dbaasEndpoint": env.sandbox.url, "hosting:config:dbaasApiToken": env.sandbox.token, "hosting:config:requestTimeout": "1" });
});

afterAll(async () => {
  await env?.stop();
});

it("records the database whose answer was lost even when looking for it runs past the create's timeout", async () => {
  const inputs = { name: "late-answer", dbType: "mongodb", planId: "db-s-1vcpu-1gb", region: "nyc1" };
  // The POST is served and answered too late; so is the first look at the list, after which the
  // create's 2 s are over.
  env.sandbox.injectFault({ method: "POST", path: /\/databases$/, delayMs: 2000, afterServing: true });
  env.sandbox.injectFault({ method: "GET", path: /\/databases$/, delayMs: 2000, afterServing: true });
  const outcome = await env.deployment.register("hosting:dbaas:Database", "late", inputs, { timeout: 2 }).catch((error: unknown) => error);
  const made = [...env.sandbox.store.values()].filter((db) => db.name === "late-answer");
  expect(made).toHaveLength(1);
  if (outcome instanceof PluginError) expect(outcome.initFailure?.id).toBe(made[0].id);
  else expect(env.deployment.state.get(env.deployment.urn("hosting:dbaas:Database", "late"))?.id).toBe(made[0].id);
  await env.deployment.register("hosting:dbaas:Database", "late", inputs);
  expect([...env.sandbox.store.values()].filter((db) => db.name === "late-answer")).toHaveLength(1);
  expect(env.plugin.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/the DBaaS's answer to the create was lost .* but it had made late-answer: recorded as db_/));
});
