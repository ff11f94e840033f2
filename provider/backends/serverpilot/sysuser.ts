import { z } from "zod";
import { finishCreate } from "../../kit/errors";
import { field } from "../../kit/fields";
import { defineResource } from "../../kit/resource";
import { serverPilotApi } from "./api";
import { serverPilotClient, type SysUserData } from "./client";
import { password, sysUserName } from "./rules";

const inputs = {
  serverId: field(z.string().min(1, "must be a server id"), {
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

function observed(data: SysUserData) {
  return { inputs: { serverId: data.serverid, name: data.name }, outputs: {} };
}

export const SysUser = defineResource({
  token: "hosting:serverpilot:SysUser",
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
    const client = serverPilotClient(ctx.config);
    const created = await client.createSysUser({ serverid: args.serverId, name: args.name, password: args.password }, ctx);
    await finishCreate(created.data.id, args, {}, () => client.settle(created, ctx));
    return { id: created.data.id, outputs: {} };
  },
  async read(ctx, id) {
    const data = await serverPilotClient(ctx.config).getSysUser(id, ctx);
    return data && observed(data);
  },
  async update(ctx, id, _olds, news) {
    // Only the password is updatable; rules() guarantees it is still set.
    await serverPilotClient(ctx.config).updateSysUser(id, { password: news.password! }, ctx);
    return {};
  },
  async delete(ctx, id) {
    ctx.log(`deleting system user ${id} with its apps and databases`);
    await serverPilotClient(ctx.config).deleteSysUser(id, ctx);
  },
});
