// Creates the panel answers badly, in both sandbox modes: a create whose answer is lost after
// the panel made the database is found in the server's list and recorded (not leaked, not made
// twice); one that made nothing fails and records nothing; a name already taken says which
// database to import; and a key that may not read database hosts (a null_resource host) still
// reads, imports and lists; a create whose read-back fails is recorded, and the next up finishes
// it, as is one answered in a shape the provider does not understand (under the id it carries).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PANEL_MODES } from "../sandbox/pterodactyl";
import { startPterodactylEnvironment, type PterodactylEnvironment } from "../support/pterodactyl-environment";
import { isSecret, reveal } from "../support/secrets";

const SERVER_DATABASE = "hosting:pterodactyl:ServerDatabase";

for (const mode of PANEL_MODES) {
  describe(`against the ${mode} mode, with a key that may not read database hosts`, () => {
    let env: PterodactylEnvironment;
    beforeAll(async () => {
      env = await startPterodactylEnvironment(mode, { hostsReadable: false });
    });
    afterAll(async () => {
      await env?.stop();
    });

    it("a create the panel made and then answered with a 500 is recorded, with a warning, and logs in", async () => {
      env.sandbox.failAfterNextCreate();
      const logsBefore = env.plugin.logs.length;
      const step = await env.deployment.register(SERVER_DATABASE, "lost", { serverId: 1, database: "lost", host: 1 });
      expect(step.op).toBe("create");
      const [record] = [...env.sandbox.store.databases.values()];
      expect(step.state!.id).toBe(`1/${record.id}`);
      expect(env.sandbox.store.databases.size).toBe(1);
      const warnings = env.plugin.logs.slice(logsBefore).filter((l) => l.severity === "warning").map((l) => l.message);
      expect(warnings).toEqual([expect.stringMatching(/^the panel's answer to the create was lost \(.*failed with 500 Internal Server Error.*\), but it had made s1_lost: recorded as 1\/\d+$/)]);
      expect(isSecret(step.state!.outputs.password)).toBe(true);
      expect(await env.mariadb.canLogin(record.username, reveal(step.state!.outputs.password), "s1_lost")).toBe(true);
      expect((await env.deployment.register(SERVER_DATABASE, "lost", { serverId: 1, database: "lost", host: 1 })).op).toBe("same");
    });

    it("a create that failed and made nothing fails and records nothing", async () => {
      env.sandbox.injectFault({ method: "POST", path: /\/databases$/, status: 500 });
      const error = await env.deployment.register(SERVER_DATABASE, "failed", { serverId: 1, database: "failed", host: 1 }).catch((e) => e);
      expect(error.message).toMatch(/POST \/api\/application\/servers\/1\/databases\?include=password failed with 500 Internal Server Error: Injected fault: HTTP 500/);
      expect(env.deployment.state.has(env.deployment.urn(SERVER_DATABASE, "failed"))).toBe(false);
      expect([...env.sandbox.store.databases.values()].map((d) => d.database)).toEqual(["s1_lost"]);
    });

    it("a name already taken is refused on database, naming the database to import", async () => {
      const other = new Deployment(env.plugin, "other");
      const error = await other.register(SERVER_DATABASE, "again", { serverId: 1, database: "lost", host: 1 }).catch((e) => e);
      const id = env.deployment.state.get(env.deployment.urn(SERVER_DATABASE, "lost"))!.id;
      expect(error.propertyErrors).toHaveLength(1);
      expect(error.propertyErrors[0].property).toBe("database");
      expect(error.propertyErrors[0].reason).toMatch(new RegExp(`refused it \\(${mode === "panel" ? 400 : 409}\\): .* s1_lost is database ${id}; to manage it here, run \`pulumi import hosting:pterodactyl:ServerDatabase <name> ${id}\`\\.$`));
      const imported = await other.import(SERVER_DATABASE, "again", id, { serverId: 1, database: "lost", host: 1 });
      expect(imported.diff!.changes).toBe(false);
      expect(reveal(imported.state!.outputs.password)).toBe(reveal(env.deployment.state.get(env.deployment.urn(SERVER_DATABASE, "lost"))!.outputs.password));
    });

    it("a create answered without the password, whose read-back is refused, is recorded under its id, and the next up reads the password", async () => {
      const made = await env.sandbox.call("POST", "/servers/1/databases", { database: "partial", remote: "%", host: 1 });
      const { relationships: _omitted, ...attributes } = made.body.attributes;
      env.sandbox.injectFault({ method: "POST", path: /\/databases$/, status: 201, body: { object: "server_database", attributes } });
      env.sandbox.injectFault({ method: "GET", path: /\/databases\/\d+$/, status: 403, body: { errors: [{ code: "AccessDeniedHttpException", status: "403", detail: "This action is unauthorized." }] } });
      const d = env.deployment;
      const error = await d.register(SERVER_DATABASE, "partial", { serverId: 1, database: "partial", host: 1 }).catch((e) => e);
      expect(error.message).toMatch(/^created 1\/\d+, but then: Pterodactyl ServerDatabase "partial": hosting:pterodactylApiKey may not manage server databases .*\(Pterodactyl API GET .* failed with 403 Forbidden: This action is unauthorized\.\)/);
      const recorded = d.state.get(d.urn(SERVER_DATABASE, "partial"))!;
      expect(recorded.id).toBe(`1/${attributes.id}`);
      expect(recorded.outputs).toMatchObject({ name: "s1_partial", username: attributes.username });
      const next = await d.register(SERVER_DATABASE, "partial", { serverId: 1, database: "partial", host: 1 });
      expect(next.op).toBe("update");
      expect(isSecret(next.state!.outputs.password)).toBe(true);
      expect(await env.mariadb.canLogin(attributes.username, reveal(next.state!.outputs.password), "s1_partial")).toBe(true);
      expect((await d.register(SERVER_DATABASE, "partial", { serverId: 1, database: "partial", host: 1 })).op).toBe("same");
    });

    it("reads, refreshes and lists although the host relationship is a null_resource", async () => {
      const single = await env.sandbox.call("GET", "/servers/1/databases/1?include=host,password");
      expect(single.body.attributes.relationships.host).toEqual({ object: "null_resource", attributes: null });
      const urn = env.deployment.urn(SERVER_DATABASE, "lost");
      expect((await env.deployment.refresh(urn)).state!.inputs).toMatchObject({ host: 1, remote: "%" });
      const listed = await env.plugin.invoke("hosting:pterodactyl:getServerDatabases", { serverId: 1 });
      expect((listed.result.databases as { name: string }[]).map((d) => d.name)).toEqual(["s1_lost", "s1_partial"]);
    });

    it("a create the panel made but answered in a shape the provider does not understand is recorded under its id, and the next up reads it", async () => {
      const made = await env.sandbox.call("POST", "/servers/1/databases?include=password", { database: "garbled", remote: "%", host: 1 });
      env.sandbox.injectFault({ method: "POST", path: /\/databases$/, status: 201, body: { object: "server_database", attributes: { ...made.body.attributes, username: null } } });
      const d = env.deployment;
      const inputs = { serverId: 1, database: "garbled", host: 1 };
      const error = await d.register(SERVER_DATABASE, "garbled", inputs).catch((e) => e);
      const id = `1/${made.body.attributes.id}`;
      expect(error.message).toMatch(new RegExp(`^created ${id}, but then: Pterodactyl API POST .* answered in a shape the provider does not understand \\(attributes\\.username:`));
      const recorded = d.state.get(d.urn(SERVER_DATABASE, "garbled"))!;
      expect(recorded.id).toBe(id);
      const next = await d.register(SERVER_DATABASE, "garbled", inputs);
      expect(next.op).toBe("update");
      expect(next.state!.outputs).toMatchObject({ name: "s1_garbled", username: made.body.attributes.username });
      expect(reveal(next.state!.outputs.password)).toBe(made.body.attributes.relationships.password.attributes.password);
      expect([...env.sandbox.store.databases.values()].filter((db) => db.database === "s1_garbled")).toHaveLength(1);
    });

    it("a rotation whose read-back fails is recorded as done: the next up reads the new password without resetting it again", async () => {
      const d = env.deployment;
      const inputs = { serverId: 1, database: "rotated", host: 1 };
      const id = Number((await d.register(SERVER_DATABASE, "rotated", inputs)).state!.id.split("/")[1]);
      const resets = () => env.sandbox.requests.filter((r) => r.method === "POST" && r.path.endsWith(`/databases/${id}/reset-password`)).length;
      // Every read-back attempt fails, retries included.
      env.sandbox.injectFault({ method: "GET", path: new RegExp(`/databases/${id}$`), status: 500, times: 20 });
      const error = await d.register(SERVER_DATABASE, "rotated", { ...inputs, passwordRotation: "1" }).catch((e) => e);
      expect(error.initFailure).toBeDefined();
      expect(resets()).toBe(1);
      env.sandbox.clearFaults();
      const next = await d.register(SERVER_DATABASE, "rotated", { ...inputs, passwordRotation: "1" });
      expect(next.op).toBe("update");
      expect(resets()).toBe(1);
      expect(reveal(next.state!.outputs.password)).toBe(env.sandbox.store.databases.get(id)!.password);
      expect((await d.register(SERVER_DATABASE, "rotated", { ...inputs, passwordRotation: "1" })).op).toBe("same");
    });

    it("destroy leaves nothing", async () => {
      await env.deployment.destroyAll();
      expect(env.sandbox.store.databases.size).toBe(0);
      expect(await env.mariadb.databaseExists("s1_lost")).toBe(false);
      expect(await env.mariadb.databaseExists("s1_partial")).toBe(false);
      expect(await env.mariadb.databaseExists("s1_rotated")).toBe(false);
    });
  });
}
