// How a DBaaS Database meets what goes wrong, through the real plugin process: the rules of the
// document refused at Check naming the field, missing credentials named at preview, a read-only
// token, a create whose answer was lost (found and recorded when only one database can be it), a
// database whose provisioning ends in `error` (recorded, so the next up or destroy deals with
// it), a create that outlasts its timeout (recorded, finished by the next up), and Cancel during
// provisioning.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginProcess, urnOf, type Props } from "../harness/plugin";
import { startDbaasEnvironment, type DbaasEnvironment } from "../support/dbaas-environment";
import { isSecret, reveal } from "../support/secrets";

const DATABASE = "hosting:dbaas:Database";
const URN = urnOf(DATABASE, "checked");
const NO_CREDENTIALS = { DBAAS_ENDPOINT: "", DBAAS_API_TOKEN: "" };

let env: DbaasEnvironment;

beforeAll(async () => {
  env = await startDbaasEnvironment();
});

afterAll(async () => {
  await env?.stop();
});

const redisDb = (extra: Props = {}): Props => ({ name: "cache", dbType: "redis", planId: "db-s-1vcpu-1gb", region: "nyc1", ...extra });
const failuresOf = async (inputs: Props) => (await env.plugin.check(URN, undefined, inputs)).failures;

describe("Check", () => {
  it("fills in the newest version of the engine, 10 GB and one replica", async () => {
    const { inputs, failures } = await env.plugin.check(URN, undefined, redisDb());
    expect(failures).toEqual([]);
    expect(inputs).toMatchObject({ version: "7.2", storageGb: 10, replicas: 1 });
    expect((await env.plugin.check(URN, undefined, redisDb({ dbType: "postgresql" }))).inputs.version).toBe("16");
  });

  it("refuses a version the engine table does not list, naming the versions it does", async () => {
    expect(await failuresOf(redisDb({ dbType: "postgresql", version: "13" }))).toEqual([
      { property: "version", reason: '"13" is not a postgresql version the DBaaS offers; choose one of 14, 15, 16' },
    ]);
    expect(await failuresOf(redisDb({ dbType: "mysql", version: "16" }))).toEqual([
      { property: "version", reason: '"16" is not a mysql version the DBaaS offers; choose one of 8.0, 8.4' },
    ]);
  });

  it.each([
    ["dbType", { dbType: "oracle" }, "must be one of postgresql, mysql, redis, mongodb"],
    ["name", { name: "" }, "must not be empty"],
    ["name", { name: "---" }, "must contain a letter or a digit, from which its slug is made"],
    ["name", { name: "x".repeat(64) }, "must be at most 63 characters"],
    ["planId", { planId: undefined }, "is required"],
    ["region", { region: "nyc 1" }, "must be a region such as nyc1, without whitespace"],
    ["storageGb", { storageGb: 0 }, "must be at least 1 (GB)"],
    ["storageGb", { storageGb: 1.5 }, "must be a whole number"],
    ["replicas", { replicas: 0 }, "must be at least 1 (replicas)"],
    ["replicas", { replicas: "2" }, "must be of type number"],
  ])("refuses a bad %s: %j", async (property, change, reason) => {
    expect(await failuresOf(redisDb(change))).toEqual([{ property, reason }]);
  });

  it("without the DBaaS credentials, names both keys and their environment variables", async () => {
    const bare = await PluginProcess.start({ env: NO_CREDENTIALS });
    try {
      await bare.configure({});
      expect((await bare.check(URN, undefined, redisDb())).failures).toEqual([
        {
          property: "",
          reason:
            "DBaaS credentials are missing. hosting:dbaasEndpoint is not set: run `pulumi config set hosting:dbaasEndpoint <value>` or set DBAAS_ENDPOINT; " +
            "hosting:dbaasApiToken is not set: run `pulumi config set --secret hosting:dbaasApiToken <value>` or set DBAAS_API_TOKEN",
        },
      ]);
      expect((await bare.invoke("hosting:dbaas:getDatabases", {})).failures).toHaveLength(1);
    } finally {
      await bare.stop();
    }
  });
});

describe("tokens", () => {
  it("DBAAS_ENDPOINT and DBAAS_API_TOKEN configure it too; a read-only token lists, and its create is refused with 403", async () => {
    // The endpoint given with /api/v1 already is taken as it is meant.
    const readOnly = await PluginProcess.start({ env: { DBAAS_ENDPOINT: `${env.sandbox.url}/api/v1/`, DBAAS_API_TOKEN: env.sandbox.readOnlyToken } });
    try {
      await readOnly.configure({});
      expect((await readOnly.invoke("hosting:dbaas:getDatabases", {})).failures).toEqual([]);
      const error = await new Deployment(readOnly).register(DATABASE, "ro", redisDb()).catch((e) => e);
      expect(error.message).toMatch(/DBaaS API POST \/api\/v1\/databases failed with 403 Forbidden: forbidden: this token lacks the databases:write scope/);
      expect(env.sandbox.store.size).toBe(0);
    } finally {
      await readOnly.stop();
    }
  });
});

describe("refusals", () => {
  it("a 400 that names a field is shown on that input, and nothing is recorded", async () => {
    env.sandbox.injectFault({ method: "POST", path: /\/databases$/, status: 400, body: { error: "storage_gb exceeds the 500 GB of plan db-s-1vcpu-1gb" } });
    const error = await env.deployment.register(DATABASE, "big", redisDb({ name: "big", storageGb: 900 })).catch((e) => e);
    expect(error.propertyErrors).toEqual([{ property: "storageGb", reason: "DBaaS refused it: storage_gb exceeds the 500 GB of plan db-s-1vcpu-1gb" }]);
    expect(env.deployment.state.has(env.deployment.urn(DATABASE, "big"))).toBe(false);
    expect(env.sandbox.store.size).toBe(0);
  });
});

describe("a create whose answer is lost", () => {
  it("is found in the list when the DBaaS made it, recorded with a warning, and followed until it runs", async () => {
    const d = new Deployment(env.plugin, "lost");
    env.sandbox.injectFault({ method: "POST", path: /\/databases$/, afterServing: true, drop: true });
    const logsBefore = env.plugin.logs.length;
    const step = await d.register(DATABASE, "lost", redisDb({ name: "lost" }));
    const made = [...env.sandbox.store.values()].filter((db) => db.name === "lost");
    expect(made.map((db) => db.id)).toEqual([step.state!.id]);
    expect(step.state!.outputs.status).toBe("running");
    const warnings = env.plugin.logs.slice(logsBefore).filter((l) => l.severity === "warning").map((l) => l.message);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^the DBaaS's answer to the create was lost \\(.*\\), but it had made lost: recorded as ${step.state!.id}$`))]);
    await d.destroyAll();
  });

  it("adopts the one made since the POST, even beside an older database with the same inputs", async () => {
    const d = new Deployment(env.plugin, "older");
    const older = (await d.register(DATABASE, "older", redisDb({ name: "same" }))).state!.id;
    env.sandbox.store.get(older)!.created_at = new Date(Date.now() - 3_600_000).toISOString();
    env.sandbox.injectFault({ method: "POST", path: /\/databases$/, afterServing: true, status: 500 });
    const step = await d.register(DATABASE, "newer", redisDb({ name: "same" }));
    expect(step.state!.id).not.toBe(older);
    expect([...env.sandbox.store.values()].filter((db) => db.name === "same")).toHaveLength(2);
    await d.destroyAll();
  });

  it("adopts nothing when two databases match the program, and records nothing", async () => {
    const d = new Deployment(env.plugin, "twins");
    await d.register(DATABASE, "first", redisDb({ name: "twin" }));
    env.sandbox.injectFault({ method: "POST", path: /\/databases$/, afterServing: true, status: 500 });
    const error = await d.register(DATABASE, "second", redisDb({ name: "twin" })).catch((e) => e);
    expect(error.message).toMatch(/failed with 500/);
    expect(d.state.has(d.urn(DATABASE, "second"))).toBe(false);
    const recorded = d.state.get(d.urn(DATABASE, "first"))!.id;
    const stray = [...env.sandbox.store.values()].filter((db) => db.name === "twin" && db.id !== recorded);
    expect(stray).toHaveLength(1);
    // What a user does with the one the lost answer made: import it (or delete it in the panel).
    await d.import(DATABASE, "second", stray[0].id);
    await d.destroyAll();
    expect([...env.sandbox.store.values()].filter((db) => db.name === "twin")).toEqual([]);
  });
});

describe("provisioning", () => {
  it("a database whose provisioning ends in error is recorded with its id; the next up replaces it, saying why", async () => {
    const d = env.deployment;
    env.sandbox.failNextProvisioning();
    const error = await d.register(DATABASE, "broken", redisDb({ name: "broken" })).catch((e) => e);
    expect(error.message).toMatch(/DBaaS database db_[0-9a-f]{8} \(create redis database broken\) ended with status "error": the DBaaS reports a provisioning error, which it cannot repair; the next `pulumi up` replaces the database/);
    const id = error.initFailure.id as string;
    expect(id).toMatch(/^db_[0-9a-f]{8}$/);
    const recorded = d.state.get(d.urn(DATABASE, "broken"))!;
    expect(recorded).toMatchObject({ id, outputs: { status: "error" } });
    expect(recorded.initErrors?.length).toBeGreaterThan(0);
    const preview = await d.register(DATABASE, "broken", redisDb({ name: "broken" }), { preview: true });
    expect(preview.op).toBe("replace");
    expect(preview.diff!.replaces).toEqual(["status"]);
    const warnings = env.plugin.logs.filter((l) => l.urn.endsWith("::broken") && l.severity === "warning").map((l) => l.message);
    expect(warnings).toContainEqual(expect.stringMatching(/^will replace it: its provisioning ended in error, which the DBaaS cannot repair/));
    const again = await d.register(DATABASE, "broken", redisDb({ name: "broken" }));
    expect(again.op).toBe("replace");
    expect(again.state!.id).not.toBe(id);
    expect(again.state!.outputs.status).toBe("running");
    expect(env.sandbox.store.has(id)).toBe(false);
    await d.delete(d.urn(DATABASE, "broken"));
    expect([...env.sandbox.store.values()].filter((db) => db.name === "broken")).toEqual([]);
  });

  it("a create that outlasts its timeout is recorded while it provisions, with progress lines, and the next up finishes it", async () => {
    const d = env.deployment;
    env.sandbox.setProvisioningDelay(60_000);
    const started = Date.now();
    const error = await d.register(DATABASE, "slow", redisDb({ name: "slow" }), { timeout: 2 }).catch((e) => e);
    env.sandbox.setProvisioningDelay(150);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(error.message).toMatch(/DBaaS database db_[0-9a-f]{8} \(create redis database slow\)/);
    expect(error.message).toMatch(/provisioning/);
    const id = error.initFailure.id as string;
    expect(d.state.get(d.urn(DATABASE, "slow"))).toMatchObject({ id, outputs: { status: "provisioning" } });
    const lines = env.plugin.logs.filter((l) => l.urn.endsWith("::slow")).map((l) => l.message);
    expect(lines).toContainEqual(expect.stringMatching(/^DBaaS accepted redis 7\.2 database slow as db_[0-9a-f]{8} \(status provisioning\); waiting until it is running$/));
    expect(lines).toContainEqual(expect.stringMatching(/^still waiting for DBaaS database db_[0-9a-f]{8} \(create redis database slow\): provisioning, [\d.]+s elapsed$/));
    await env.sandbox.provisionNow(id);
    const finished = await d.register(DATABASE, "slow", redisDb({ name: "slow" }));
    expect(finished.op).toBe("update");
    expect(finished.state!.id).toBe(id);
    expect(finished.state!.outputs.status).toBe("running");
    expect(isSecret(finished.state!.outputs.password)).toBe(true);
    expect(reveal(finished.state!.outputs.port)).toBeGreaterThan(0);
    expect(env.sandbox.store.size).toBe(1);
    await d.destroyAll();
    expect(env.sandbox.store.size).toBe(0);
  });

  it("Cancel stops the wait during provisioning and records the database; destroy later deletes it", async () => {
    const cancelled = await PluginProcess.start();
    await cancelled.configure({ "hosting:config:dbaasEndpoint": env.sandbox.url, "hosting:config:dbaasApiToken": env.sandbox.token });
    const d = new Deployment(cancelled, "cancel");
    env.sandbox.setProvisioningDelay(60_000);
    try {
      const started = Date.now();
      const pending = d.register(DATABASE, "cancelled", redisDb({ name: "cancelled" })).catch((e) => e);
      await new Promise((r) => setTimeout(r, 700));
      await cancelled.cancel();
      const error = await pending;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error.message).toMatch(/cancelled/);
      const id = error.initFailure.id as string;
      expect(env.sandbox.store.get(id)!.status).toBe("provisioning");
      // The next run is a new plugin process: it deletes the database still provisioning.
      const next = new Deployment(env.plugin, "cancel");
      next.state.set(d.urn(DATABASE, "cancelled"), d.state.get(d.urn(DATABASE, "cancelled"))!);
      await next.destroyAll();
      expect(env.sandbox.store.has(id)).toBe(false);
    } finally {
      env.sandbox.setProvisioningDelay(150);
      await cancelled.stop();
    }
  });
});
