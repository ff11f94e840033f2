// Every rule of a new database, refused at Check naming the field (before the panel is asked),
// and what only the panel can know (a host that does not exist, a name already taken, a server
// at its limit or not there at all) refused at create on the property it is about, in both
// sandbox modes: the document's 409 and bare 422s, the real panel's 400s and 422 meta.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urnOf } from "../harness/plugin";
import { PANEL_MODES } from "../sandbox/pterodactyl";
import { secret, UNKNOWN } from "../support/secrets";
import { startPterodactylEnvironment, type PterodactylEnvironment } from "../support/pterodactyl-environment";

const SERVER_DATABASE = "hosting:pterodactyl:ServerDatabase";
const NAME_RULE = "must be 1 to 48 letters, digits, '_' or '-'";
const REMOTE_RULE = "must be 1 to 15 digits, '.' and '%' (an IPv4 address or pattern such as 192.168.% ; % for any)";

for (const mode of PANEL_MODES) {
  describe(`against the ${mode} mode`, () => {
    let env: PterodactylEnvironment;
    beforeAll(async () => {
      env = await startPterodactylEnvironment(mode);
    });
    afterAll(async () => {
      await env?.stop();
    });

    const check = async (inputs: Record<string, unknown>) => (await env.plugin.check(urnOf(SERVER_DATABASE, "checked"), undefined, inputs)).failures;
    const valid = { serverId: 1, database: "world", host: 1 };

    describe("Check", () => {
      it("accepts a valid database and fills in the remote", async () => {
        const checked = await env.plugin.check(urnOf(SERVER_DATABASE, "checked"), undefined, valid);
        expect(checked.failures).toEqual([]);
        expect(checked.inputs).toMatchObject({ ...valid, remote: "%" });
      });

      it.each([
        ["serverId as text", { serverId: "1" }, [{ property: "serverId", reason: "must be of type number" }]],
        ["serverId 0", { serverId: 0 }, [{ property: "serverId", reason: "must be a server id, a positive number" }]],
        ["serverId 1.5", { serverId: 1.5 }, [{ property: "serverId", reason: "must be a server id, a whole number" }]],
        ["no database", { database: undefined }, [{ property: "database", reason: "is required" }]],
        ["a database with a space", { database: "my world" }, [{ property: "database", reason: NAME_RULE }]],
        ["a database with a dot", { database: "my.world" }, [{ property: "database", reason: NAME_RULE }]],
        ["a database of 49 characters", { database: "d".repeat(49) }, [{ property: "database", reason: "must be at most 48 characters" }]],
        [
          "a database the prefix would cut",
          { serverId: 1234, database: "d".repeat(43) },
          [{ property: "database", reason: "must be at most 42 characters on server 1234: the panel stores it as s1234_<name> and cuts that to 48 characters" }],
        ],
        ["a remote that is a name", { remote: "anywhere" }, [{ property: "remote", reason: REMOTE_RULE }]],
        ["a remote of 16 characters", { remote: "192.168.100.1001" }, [{ property: "remote", reason: "must be at most 15 characters" }]],
        ["no host", { host: undefined }, [{ property: "host", reason: "is required" }]],
        ["host 0", { host: 0 }, [{ property: "host", reason: "must be a database host id, a positive number" }]],
        ["a passwordRotation that is a number", { passwordRotation: 3 }, [{ property: "passwordRotation", reason: "must be of type string" }]],
      ])("refuses %s, naming the field", async (_title, change, failures) => {
        expect(await check({ ...valid, ...change })).toEqual(failures);
      });

      it("refuses a property the resource does not have", async () => {
        expect(await check({ ...valid, password: "mine" })).toEqual([
          { property: "password", reason: "is not a property of hosting:pterodactyl:ServerDatabase; known properties: serverId, database, remote, host, passwordRotation" },
        ]);
      });

      it("previews a create whose server id is not known yet, and shows the stored name when it is", async () => {
        const unknown = await env.deployment.register(SERVER_DATABASE, "later", { ...valid, serverId: UNKNOWN }, { preview: true });
        expect(unknown.state!.outputs).toMatchObject({ name: UNKNOWN, password: secret(UNKNOWN) });
        const known = await env.deployment.register(SERVER_DATABASE, "later", valid, { preview: true });
        expect(known.state!.outputs).toMatchObject({ name: "s1_world", username: UNKNOWN });
        expect(env.deployment.state.has(env.deployment.urn(SERVER_DATABASE, "later"))).toBe(false);
      });

      it("takes the longest name that fits and an IP remote", async () => {
        expect(await check({ ...valid, database: "d".repeat(45), remote: "192.168.100.100" })).toEqual([]);
      });
    });

    describe("what only the panel knows, refused on the property at create", () => {
      const create = (name: string, inputs: Record<string, unknown>) => env.deployment.register(SERVER_DATABASE, name, inputs).catch((e) => e);

      it("a host that does not exist", async () => {
        const error = await create("nohost", { ...valid, host: 99 });
        expect(error.propertyErrors).toEqual([{ property: "host", reason: `Pterodactyl refused it (422): The selected host is invalid.${mode === "panel" ? " (host: exists)" : ""}` }]);
      });

      it("a name already taken on the server", async () => {
        await create("first", { ...valid, database: "taken" });
        const error = await create("second", { ...valid, database: "taken" });
        const refusal = mode === "panel" ? "Pterodactyl refused it (400): A database with that name already exists for this server." : "Pterodactyl refused it (409): The database name has already been taken.";
        const id = env.deployment.state.get(env.deployment.urn(SERVER_DATABASE, "first"))!.id;
        expect(error.propertyErrors).toEqual([
          { property: "database", reason: `${refusal} s1_taken is database ${id}; to manage it here, run \`pulumi import hosting:pterodactyl:ServerDatabase <name> ${id}\`.` },
        ]);
      });

      it("a server at its database limit", async () => {
        expect((await create("limit1", { ...valid, serverId: 2, database: "one" })).op).toBe("create");
        expect((await create("limit2", { ...valid, serverId: 2, database: "two" })).op).toBe("create");
        const error = await create("limit3", { ...valid, serverId: 2, database: "three" });
        expect(error.propertyErrors).toEqual([
          { property: "serverId", reason: "Pterodactyl refused it (400): Operation aborted: creating a new database would put this server over the defined limit." },
        ]);
      });

      it("a server that does not exist", async () => {
        const error = await create("noserver", { ...valid, serverId: 77 });
        expect(error.propertyErrors).toEqual([{ property: "serverId", reason: "Pterodactyl has no such server (404: The requested resource could not be found on the server.)" }]);
      });

      it("left nothing half-made, and destroy removes what was made", async () => {
        expect([...env.deployment.state.keys()].map((urn) => urn.split("::").at(-1)).sort()).toEqual(["first", "limit1", "limit2"]);
        await env.deployment.destroyAll();
        expect(env.sandbox.store.databases.size).toBe(0);
      });
    });
  });
}
