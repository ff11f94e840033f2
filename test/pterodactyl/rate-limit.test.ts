// The panel's throttle (Laravel's: a 429 with Retry-After in seconds and X-RateLimit-Reset as a
// Unix time) met by real counting, in both sandbox modes: the provider paces itself by
// X-RateLimit-Remaining, and a create that still meets a 429 waits as told and goes through
// once, with a log line saying why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PANEL_MODES } from "../sandbox/pterodactyl";
import { startPterodactylEnvironment, type PterodactylEnvironment } from "../support/pterodactyl-environment";

const SERVER_DATABASE = "hosting:pterodactyl:ServerDatabase";

for (const mode of PANEL_MODES) {
  describe(`against the ${mode} mode, throttled to 3 requests a second`, () => {
    let env: PterodactylEnvironment;
    beforeAll(async () => {
      env = await startPterodactylEnvironment(mode, { rateLimit: { limit: 3, windowMs: 1000 } });
    });
    afterAll(async () => {
      await env?.stop();
    });

    it("creates beyond the limit are paced by X-RateLimit-Remaining: no 429, each made once", async () => {
      const started = Date.now();
      for (let i = 0; i < 5; i++) {
        expect((await env.deployment.register(SERVER_DATABASE, `db${i}`, { serverId: 1, database: `paced${i}`, host: 1 })).op).toBe("create");
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(env.sandbox.requests.filter((r) => r.status === 429)).toEqual([]);
      expect(env.sandbox.store.databases.size).toBe(5);
    });

    it("a create meeting a 429 (another client used the window up) waits as told and is made once, with a log line", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      for (let i = 0; i < 3; i++) await env.sandbox.call("GET", "/servers/1/databases");
      const logsBefore = env.plugin.logs.length;
      expect((await env.deployment.register(SERVER_DATABASE, "late", { serverId: 1, database: "late", host: 1 })).op).toBe("create");
      const limited = env.sandbox.requests.filter((r) => r.status === 429);
      expect(limited.map((r) => r.method)).toEqual(["POST"]);
      expect([...env.sandbox.store.databases.values()].filter((d) => d.database === "s1_late")).toHaveLength(1);
      const lines = env.plugin.logs.slice(logsBefore).map((l) => l.message);
      expect(lines).toContainEqual(expect.stringMatching(/^rate limited by Pterodactyl on POST \/api\/application\/servers\/1\/databases\?include=password, retrying in /));
      await env.deployment.destroyAll();
      expect(env.sandbox.store.databases.size).toBe(0);
    });
  });
}
