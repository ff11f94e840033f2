import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { serverPilotApi } from "./api";
import type { SysUserData } from "./client";
import { apiId, password, sysUserName } from "./rules";

const inputs = {
  serverId: field(apiId("a server id"), {
    description: "The id of the server the system user lives on.",
    replaceOnChanges: true,
  }),
  name: field(sysUserName(), {
    description: "The Linux user name: 3 to 32 lowercase letters, digits and '-', starting with a letter.",
    replaceOnChanges: true,
  }),
  password: field(password().optional(), {
    description:
      "The user's login password, 8 to 200 characters without surrounding whitespace. Without one the user cannot log in with a password. ServerPilot never returns it.",
    secret: true,
    writeOnly: true,
  }),
};

/** Every server has it, and ServerPilot manages the server through it. */
const DEFAULT_SYSUSER = "serverpilot";

/** The API's system user as the provider sees it; the list function uses the same mapping. */
export function sysUserFromApi(data: SysUserData) {
  return { id: data.id, inputs: { serverId: data.serverid, name: data.name }, outputs: {} };
}

export const SysUser = defineResource({
  token: "hosting:serverpilot:SysUser",
  importId: "<sysuserId>",
  importExample: "PPkfc1NECzvwiEBI",
  example: `
const server = new hosting.serverpilot.Server("web", { name: "web1" });
const deployer = new hosting.serverpilot.SysUser("deployer", {
  serverId: server.id,
  name: "deployer",
  password: config.requireSecret("deployerPassword"),
});

export const deployerId = deployer.id;
`,
  destroy:
    "Deletes the system user with its apps and their databases. The `serverpilot` user every server has cannot be deleted: it leaves the stack with a warning and goes when its server is deleted.",
  description:
    "A system user: the Linux account an app runs as, with its home in /srv/users/<name>. Deleting it deletes its apps and their databases.",
  api: serverPilotApi,
  inputs,
  outputs: {},
  // Names are unique per server; a replacement always changes the server or the name.
  uniqueKeys: (args) => [`${args.serverId}/${args.name}`],
  rules(news, olds) {
    if (olds?.password !== undefined && news.password === undefined) {
      return [
        {
          property: "password",
          reason: "cannot be removed once set: ServerPilot can only change a system user's password; set a new one instead",
        },
      ];
    }
    return [];
  },
  async create(ctx, args) {
    const client = ctx.client;
    // Names are unique per server, and system users carry no creation time: the name decides.
    const created = await createOnce(ctx, {
      api: "ServerPilot",
      subject: `system user ${args.name}`,
      token: "hosting:serverpilot:SysUser",
      importId: "<system user id>",
      create: () => client.createSysUser({ serverid: args.serverId, name: args.name, password: args.password }, ctx, (id) => ctx.created(id)),
      candidates: async (look) =>
        (await client.listSysUsers(look)).filter((u) => u.serverid === args.serverId && u.name === args.name).map((data) => ({ data, what: `create system user ${args.name}` })),
      describe: (found) => `system user ${args.name}: recorded as ${found.data.id}`,
    });
    ctx.created(created.data.id);
    await ctx.client.settle(created, ctx);
    return { id: created.data.id, outputs: {} };
  },
  async read(ctx, id) {
    const data = await ctx.client.getSysUser(id, ctx);
    return data && sysUserFromApi(data);
  },
  async update(ctx, id, _olds, news, changes) {
    // Only the password is updatable, and rules() keeps it set once it was. An update without
    // a change is the engine finishing a half-created user: nothing to send.
    if (changes.has("password") && news.password !== undefined) await ctx.client.updateSysUser(id, { password: news.password }, ctx);
    return {};
  },
  async delete(ctx, id, olds) {
    if (olds.inputs.name === DEFAULT_SYSUSER) {
      // ServerPilot refuses (403) to delete the user every server is managed through.
      ctx.warn(`the default "${DEFAULT_SYSUSER}" system user cannot be deleted; it is removed from the stack and goes when its server is deleted`);
      return;
    }
    ctx.log(`deleting system user ${id} with its apps and databases`);
    await ctx.client.deleteSysUser(id, ctx);
  },
});
