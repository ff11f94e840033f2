// No database password of the panel backend, nor its API key, shows in plain text anywhere a
// user or a CI log sees it, in both sandbox modes: the state and outputs hold passwords only
// as secrets (create, rotation, refresh, import, the list function), and engine log lines,
// error messages, retry lines and the plugin's stderr show none of them, also when the panel
// echoes a password in its errors: one the provider knows, and one it generated and the
// provider never saw (a debug-mode SQL trace of the reset, an echoed JSON body).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { PANEL_MODES } from "../sandbox/pterodactyl";
import { generatedPassword } from "../sandbox/pterodactyl-store";
import { startPterodactylEnvironment, type PterodactylEnvironment } from "../support/pterodactyl-environment";
import { expectNoneShown, jsonEscaped, shownBy, visibleIn } from "../support/secret-exposure";
import { isSecret, plainText, reveal } from "../support/secrets";

const SERVER_DATABASE = "hosting:pterodactyl:ServerDatabase";
/** A piece of a secret this long, cut from anywhere in it, is a leak too. */

for (const mode of PANEL_MODES) {
  describe(`against the ${mode} mode`, () => {
    let env: PterodactylEnvironment;
    /** Every password the panel made during this file, and ones tests made up as the panel's. */
    const passwords = new Set<string>();
    const remember = () => env.sandbox.store.databases.forEach((d) => passwords.add(d.password));

    beforeAll(async () => {
      env = await startPterodactylEnvironment(mode);
    });
    afterAll(async () => {
      await env?.stop();
    });


    /** None of the values (nor the API key) shows, whole or as a piece: as sent, JSON-escaped, or PHP-escaped. */
    const expectHidden = (text: string, values: Iterable<string>) =>
      expectNoneShown(text, [...values, env.sandbox.apiKey], (value) => [value, jsonEscaped(value), jsonEscaped(value).replace(/\//g, "\\/")]);


    it("create, rotation, refresh, import and the list function hold passwords only as secrets, and no log line or stderr shows them", async () => {
      const d = env.deployment;
      const inputs = { serverId: 1, database: "secrets", host: 1 };
      const created = await d.register(SERVER_DATABASE, "db", inputs);
      remember();
      const rotated = await d.register(SERVER_DATABASE, "db", { ...inputs, passwordRotation: "1" });
      expect(rotated.op).toBe("update");
      remember();
      expect(reveal(rotated.state!.outputs.password)).not.toBe(reveal(created.state!.outputs.password));
      await env.sandbox.resetPasswordOutOfBand(Number(created.state!.id.split("/")[1]));
      remember();
      const refreshed = await d.refresh(created.state!.urn);
      const imports = new Deployment(env.plugin, "imports");
      const imported = await imports.import(SERVER_DATABASE, "db", created.state!.id, { ...inputs, passwordRotation: "1" });
      const listed = await env.plugin.invoke("hosting:pterodactyl:getServerDatabases", { serverId: 1 });
      const items = listed.result.databases as { password: unknown }[];
      for (const state of [created.state!, rotated.state!, refreshed.state!, imported.state!]) {
        expect(isSecret(state.outputs.password), state.urn).toBe(true);
      }
      expect(items.every((i) => isSecret(i.password))).toBe(true);
      expect(reveal(imported.state!.outputs.password)).toBe(reveal(refreshed.state!.outputs.password));
      const states = [created.state!, rotated.state!, refreshed.state!, imported.state!];
      expect(passwords.size).toBe(3);
      expectHidden(visibleIn(env.plugin, ...states.map((s) => plainText(s.outputs) + plainText(s.inputs)), plainText(listed.result)), passwords);
    });

    it("a refresh through a 500 that quotes the known password in the failed SQL: the retry line masks it", async () => {
      const d = env.deployment;
      const urn = d.urn(SERVER_DATABASE, "db");
      const id = Number(d.state.get(urn)!.id.split("/")[1]);
      env.sandbox.injectFault({
        method: "GET",
        path: /\/databases\/\d+$/,
        status: 500,
        body: () => {
          const db = env.sandbox.store.databases.get(id)!;
          return { errors: [{ code: "QueryException", status: "500", detail: `SQLSTATE[28000] [1045] Access denied for user '${db.username}'@'%' (using password: ${db.password}) (SQL: select 1)` }] };
        },
      });
      const logsBefore = env.plugin.logs.length;
      expect((await d.refresh(urn)).op).toBe("refresh");
      const retry = env.plugin.logs.slice(logsBefore).map((l) => l.message).find((m) => m.includes("retrying in"));
      expect(retry).toMatch(/failed with 500 Internal Server Error: SQLSTATE\[28000\] \[1045\] Access denied for user 'u1_\w+'@'%' \(using password: \*\*\*\)/);
      expectHidden(visibleIn(env.plugin), passwords);
    });

    it("a reset whose 500 carries the SQL with the new password the panel made: masked though the provider never saw it", async () => {
      const d = env.deployment;
      const urn = d.urn(SERVER_DATABASE, "db");
      const unseen = generatedPassword();
      passwords.add(unseen);
      env.sandbox.injectFault({
        method: "POST",
        path: /\/reset-password$/,
        status: 500,
        body: { errors: [{ code: "QueryException", status: "500", detail: `SQLSTATE[HY000]: General error (SQL: ALTER USER 'u1_x'@'%' IDENTIFIED BY '${unseen}')` }] },
      });
      const error = await d.register(SERVER_DATABASE, "db", { serverId: 1, database: "secrets", host: 1, passwordRotation: "2" }).catch((e) => e);
      expect(error.message).toMatch(/POST \/api\/application\/servers\/1\/databases\/\d+\/reset-password failed with 500 Internal Server Error: SQLSTATE\[HY000\]: General error \(SQL: ALTER USER 'u1_x'@'%' IDENTIFIED BY '\*\*\*'\)/);
      expectHidden(visibleIn(env.plugin, shownBy(error), plainText(d.state.get(urn)!.outputs)), passwords);
      // Nothing was reset: the next up resets it.
      expect((await d.register(SERVER_DATABASE, "db", { serverId: 1, database: "secrets", host: 1, passwordRotation: "2" })).op).toBe("update");
      remember();
    });

    it("a reset followed by a read-back whose 503 echoes the new password's JSON: the retry line masks it", async () => {
      const d = env.deployment;
      const urn = d.urn(SERVER_DATABASE, "db");
      const id = Number(d.state.get(urn)!.id.split("/")[1]);
      env.sandbox.injectFault({
        method: "GET",
        path: /\/databases\/\d+$/,
        status: 503,
        body: () => `upstream gave up on {"object":"database_password","attributes":{"password":${JSON.stringify(env.sandbox.store.databases.get(id)!.password)}}}`,
      });
      const logsBefore = env.plugin.logs.length;
      const step = await d.register(SERVER_DATABASE, "db", { serverId: 1, database: "secrets", host: 1, passwordRotation: "3" });
      expect(step.op).toBe("update");
      remember();
      expect(reveal(step.state!.outputs.password)).toBe(env.sandbox.store.databases.get(id)!.password);
      const retry = env.plugin.logs.slice(logsBefore).map((l) => l.message).find((m) => m.includes("retrying in"));
      expect(retry).toMatch(/failed with 503 Service Unavailable: upstream gave up on \{"object":"database_password","attributes":\{"password":"\*\*\*"\}\}/);
      expectHidden(visibleIn(env.plugin, plainText(step.state!.outputs)), passwords);
    });

    it("a create refused with a 500 that echoes a generated password as password=...: masked", async () => {
      const unseen = generatedPassword();
      passwords.add(unseen);
      env.sandbox.injectFault({ method: "POST", path: /\/databases$/, status: 500, body: { errors: [{ code: "PDOException", status: "500", detail: `could not create user u1_abc with password=${unseen} on host 1` }] } });
      const error = await env.deployment.register(SERVER_DATABASE, "failing", { serverId: 1, database: "failing", host: 1 }).catch((e) => e);
      expect(error.message).toMatch(/failed with 500 Internal Server Error: could not create user u1_abc with password=\*\*\* on host 1/);
      expect(env.deployment.state.has(env.deployment.urn(SERVER_DATABASE, "failing"))).toBe(false);
      expectHidden(visibleIn(env.plugin, shownBy(error)), passwords);
    });

    it("a wrong API key from PTERODACTYL_API_KEY: the 401 says what to check and shows neither key", async () => {
      const wrong = `ptla_${"w".repeat(20)}WrongKey0123456789`;
      const plugin = await PluginProcess.start({ env: { PTERODACTYL_API_KEY: wrong } });
      try {
        await plugin.configure({ "hosting:config:pterodactylEndpoint": env.sandbox.url });
        const error = await new Deployment(plugin).register(SERVER_DATABASE, "wrong", { serverId: 1, database: "wrong", host: 1 }).catch((e) => e);
        expect(error.message).toMatch(/failed with 401 Unauthorized: Unauthenticated\.; check hosting:pterodactylEndpoint and hosting:pterodactylApiKey \(or PTERODACTYL_ENDPOINT and PTERODACTYL_API_KEY\)/);
        expectHidden(visibleIn(plugin, shownBy(error)), [wrong]);
      } finally {
        await plugin.stop();
      }
    });

    it("shows no password and no key anywhere in what the plugin said during this file, and destroy leaves nothing", async () => {
      await env.deployment.destroyAll();
      expect(env.sandbox.store.databases.size).toBe(0);
      expectHidden(visibleIn(env.plugin), passwords);
    });
  });
}
