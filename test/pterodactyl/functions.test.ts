// getServerDatabases through the plugin, in both sandbox modes: the document's pages followed to
// the last (the sandbox holds two a page, whatever per_page asks), the real panel's whole list
// in one answer, each item as the resource reads it, passwords as secrets only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PANEL_MODES } from "../sandbox/pterodactyl";
import { startPterodactylEnvironment, type PterodactylEnvironment } from "../support/pterodactyl-environment";
import { isSecret, reveal } from "../support/secrets";

const SERVER_DATABASE = "hosting:pterodactyl:ServerDatabase";
const GET_SERVER_DATABASES = "hosting:pterodactyl:getServerDatabases";

for (const mode of PANEL_MODES) {
  describe(`getServerDatabases against the ${mode} mode`, () => {
    let env: PterodactylEnvironment;
    beforeAll(async () => {
      env = await startPterodactylEnvironment(mode, { maxPerPage: 2 });
      for (const [i, remote] of ["%", "%", "127.0.0.1", "%", "10.1.%"].entries()) {
        await env.deployment.register(SERVER_DATABASE, `db${i}`, { serverId: 1, database: `listed${i}`, host: 1, remote });
      }
      await env.deployment.register(SERVER_DATABASE, "elsewhere", { serverId: 2, database: "other", host: 1 });
    });
    afterAll(async () => {
      await env?.stop();
    });

    const listRequests = () => env.sandbox.requests.filter((r) => r.method === "GET" && r.path === "/api/application/servers/1/databases");

    it("lists every database of the server, each as the resource reads it, following the pages where the panel sends them", async () => {
      const before = listRequests().length;
      const { result, failures } = await env.plugin.invoke(GET_SERVER_DATABASES, { serverId: 1 });
      expect(failures).toEqual([]);
      const items = result.databases as Record<string, unknown>[];
      expect(items.map((d) => d.name)).toEqual([0, 1, 2, 3, 4].map((i) => `s1_listed${i}`));
      for (const [i, item] of items.entries()) {
        const state = env.deployment.state.get(env.deployment.urn(SERVER_DATABASE, `db${i}`))!;
        expect(item).toMatchObject({ id: state.id, serverId: 1, database: `listed${i}`, host: 1, remote: state.inputs.remote, username: state.outputs.username });
        expect(isSecret(item.password)).toBe(true);
        expect(reveal(item.password)).toBe(reveal(state.outputs.password));
      }
      const pages = listRequests().slice(before);
      if (mode === "document") {
        expect(pages.map((r) => r.query.page)).toEqual(["1", "2", "3"]);
      } else {
        // The real panel ignores page and per_page and has no meta.pagination: one request.
        expect(pages).toHaveLength(1);
      }
      expect(pages.every((r) => r.query.include === "password")).toBe(true);
    });

    it("filters by remote, and lists another server's databases only for it", async () => {
      const local = await env.plugin.invoke(GET_SERVER_DATABASES, { serverId: 1, remote: "127.0.0.1" });
      expect((local.result.databases as { name: string }[]).map((d) => d.name)).toEqual(["s1_listed2"]);
      const other = await env.plugin.invoke(GET_SERVER_DATABASES, { serverId: 2 });
      expect((other.result.databases as { name: string }[]).map((d) => d.name)).toEqual(["s2_other"]);
    });

    it("says so when the server does not exist, and wants a numeric server id", async () => {
      await expect(env.plugin.invoke(GET_SERVER_DATABASES, { serverId: 77 })).rejects.toThrow(
        /Pterodactyl API GET \/api\/application\/servers\/77\/databases\?.* failed with 404 Not Found: The requested resource could not be found on the server\./,
      );
      expect((await env.plugin.invoke(GET_SERVER_DATABASES, {})).failures).toEqual([{ property: "serverId", reason: "is required" }]);
    });

    it("takes a list whose meta is PHP's empty array or null as one page", async () => {
      for (const meta of [[], null]) {
        env.sandbox.injectFault({ method: "GET", path: /\/servers\/2\/databases$/, status: 200, body: { object: "list", data: [], meta } });
        expect((await env.plugin.invoke(GET_SERVER_DATABASES, { serverId: 2 })).result.databases).toEqual([]);
      }
    });

    it("an empty server lists nothing, and destroy leaves nothing", async () => {
      await env.deployment.destroyAll();
      expect((await env.plugin.invoke(GET_SERVER_DATABASES, { serverId: 1 })).result.databases).toEqual([]);
      expect(env.sandbox.store.databases.size).toBe(0);
    });
  });
}
