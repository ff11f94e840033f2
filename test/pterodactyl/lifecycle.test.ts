// The panel's ServerDatabase through the real plugin process over gRPC, against the panel
// sandbox in both of its modes (the document's answers, and the real panel's as FACTS.md has
// them) with real MariaDB behind it, on the shared lifecycle table (test/support/lifecycle.ts):
// the credentials the provider returns log in, a rotation changes them in place, and the old
// password stops working.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PANEL_MODES } from "../sandbox/pterodactyl";
import { unexercisedEndpoints } from "../support/documented-endpoints";
import { describeLifecycle } from "../support/lifecycle";
import { startPterodactylEnvironment, type PterodactylEnvironment } from "../support/pterodactyl-environment";
import { isSecret, reveal } from "../support/secrets";

const SERVER_DATABASE = "hosting:pterodactyl:ServerDatabase";

const databaseIdOf = (id: string) => Number(id.split("/")[1]);

for (const mode of PANEL_MODES) {
  describe(`against the ${mode === "document" ? "document's answers" : "real panel's answers"}`, () => {
    let env: PterodactylEnvironment;
    /** Passwords seen so far, oldest first. */
    const passwords: string[] = [];
    const record = (id: string) => env.sandbox.store.databases.get(databaseIdOf(id));

    beforeAll(async () => {
      env = await startPterodactylEnvironment(mode);
    });

    afterAll(async () => {
      await env?.stop();
    });

    const world = () => env;
    const inputs = (extra: Record<string, unknown> = {}) => ({ serverId: 1, database: "world", host: 1, ...extra });
    const credentials = (state: { outputs: Record<string, unknown> }) => ({
      user: state.outputs.username as string,
      password: reveal(state.outputs.password) as string,
      database: state.outputs.name as string,
    });

    describeLifecycle({
      type: SERVER_DATABASE,
      name: "world",
      world,
      create: {
        inputs: () => inputs({ passwordRotation: "2026-11" }),
        verify: async (state) => {
          expect(state.id).toMatch(/^1\/\d+$/);
          expect(state.outputs).toMatchObject({ name: "s1_world", remote: "%", host: 1, serverId: 1, maxConnections: 0 });
          expect(state.outputs.username).toMatch(/^u1_[A-Za-z0-9]{10}$/);
          expect(state.outputs.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
          expect(isSecret(state.outputs.password)).toBe(true);
          const { user, password, database } = credentials(state);
          expect(password).toHaveLength(24);
          expect(password).toBe(record(state.id)!.password);
          expect(await env.mariadb.canLogin(user, password, database)).toBe(true);
          passwords.push(password);
          // Created with ?include=password: the real panel shows it nowhere else.
          expect(env.sandbox.requests.find((r) => r.method === "POST")!.query).toMatchObject({ include: "password" });
        },
      },
      updates: [
        {
          title: "passwordRotation: the panel resets the password, the new one logs in and the old one no longer does",
          inputs: () => inputs({ passwordRotation: "2026-12" }),
          diff: { passwordRotation: "update" },
          verify: async (state) => {
            const { user, password, database } = credentials(state);
            expect(isSecret(state.outputs.password)).toBe(true);
            expect(password).not.toBe(passwords.at(-1));
            expect(password).toBe(record(state.id)!.password);
            expect(await env.mariadb.canLogin(user, password, database)).toBe(true);
            expect(await env.mariadb.canLogin(user, passwords.at(-1)!, database)).toBe(false);
            const reset = env.sandbox.requests.filter((r) => r.path.endsWith("/reset-password"));
            expect(reset.map((r) => r.status)).toEqual([mode === "panel" ? 204 : 200]);
            passwords.push(password);
          },
        },
      ],
      steps: [
        {
          title: "refresh finds a password reset outside Pulumi: the new password, still a secret, and no diff",
          run: async (ctx) => {
            const changed = await env.sandbox.resetPasswordOutOfBand(databaseIdOf(ctx.id()));
            const refreshed = await env.deployment.refresh(ctx.state().urn);
            expect(isSecret(refreshed.state!.outputs.password)).toBe(true);
            expect(reveal(refreshed.state!.outputs.password)).toBe(changed);
            expect((await ctx.up(inputs({ passwordRotation: "2026-12" }))).op).toBe("same");
            const { user, database } = credentials(ctx.state());
            expect(await env.mariadb.canLogin(user, reveal(ctx.state().outputs.password), database)).toBe(true);
            passwords.push(changed);
          },
        },
        {
          title: "refresh finds the remote changed outside Pulumi, and preview shows the replacement that would undo it",
          run: async (ctx) => {
            const id = databaseIdOf(ctx.id());
            await env.sandbox.setRemoteOutOfBand(id, "10.0.%");
            expect((await env.deployment.refresh(ctx.state().urn)).state!.inputs.remote).toBe("10.0.%");
            const preview = await ctx.up(inputs({ passwordRotation: "2026-12" }), { preview: true });
            expect(preview.op).toBe("replace");
            expect(preview.diff!.detailedDiff).toEqual({ remote: "update-replace" });
            await env.sandbox.setRemoteOutOfBand(id, "%");
            expect((await env.deployment.refresh(ctx.state().urn)).state!.inputs.remote).toBe("%");
            expect((await ctx.up(inputs({ passwordRotation: "2026-12" }))).op).toBe("same");
          },
        },
      ],
      importUnreadable: ["passwordRotation"],
      replace: {
        inputs: () => inputs({ remote: "127.0.0.1", passwordRotation: "2026-12" }),
        diff: { remote: "update-replace" },
        // The name stays, and names are unique per server.
        deleteBeforeReplace: true,
      },
      deleteOutOfBand: async (id) => {
        expect((await env.sandbox.call("DELETE", `/servers/1/databases/${databaseIdOf(id)}`)).status).toBe(204);
      },
      exists: (id) => record(id) !== undefined,
    });

    describe("after destroy", () => {
      it("leaves neither the database nor its user in MariaDB", async () => {
        expect(env.sandbox.store.databases.size).toBe(0);
        expect(await env.mariadb.databaseExists("s1_world")).toBe(false);
        const users = await env.mariadb.query<{ User: string }>("SELECT User FROM mysql.user WHERE User LIKE 'u1\\_%'");
        expect(users).toEqual([]);
      });

      it("getServerDatabases lists none of them any more", async () => {
        const { result, failures } = await env.plugin.invoke("hosting:pterodactyl:getServerDatabases", { serverId: 1 });
        expect(failures).toEqual([]);
        expect(result.databases).toEqual([]);
      });

      it("the provider has used every endpoint of the panel's document (seeds/000)", () => {
        const documented = [
          "GET /api/application/servers/{server}/databases",
          "GET /api/application/servers/{server}/databases/{database}",
          "POST /api/application/servers/{server}/databases",
          "POST /api/application/servers/{server}/databases/{database}/reset-password",
          "DELETE /api/application/servers/{server}/databases/{database}",
        ];
        expect(unexercisedEndpoints(documented, env.sandbox.requests)).toEqual([]);
      });
    });
  });
}
