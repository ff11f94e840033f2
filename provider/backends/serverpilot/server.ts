import { z } from "zod";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { serverPilotApi } from "./api";
import { unixTime, type ServerData } from "./client";
import { serverName } from "./rules";

const inputs = {
  name: field(serverName(), {
    description: "The nickname of the server: 1 to 255 lowercase letters, digits, '.' and '-'.",
    replaceOnChanges: true,
  }),
  firewall: field(z.boolean().default(true), { description: "Whether the server's firewall is enabled." }),
  autoupdates: field(z.boolean().default(true), { description: "Whether automatic system updates are enabled." }),
  denyUnknownDomains: field(z.boolean().default(true), {
    description: "Whether requests for domains no app serves are denied (true) or sent to the default app (false).",
  }),
};

const outputs = {
  apikey: field(z.string().optional(), {
    description:
      "The server's own API key, for `serverpilot-installer --server-id=<id> --server-apikey=<apikey>`. Returned only when the server is created.",
    secret: true,
    writeOnly: true,
  }),
  lastaddress: field(z.string().optional(), { description: "The address the server last connected from." }),
  lastconn: field(z.number().int().optional(), { description: "When the server last connected (Unix seconds)." }),
  datecreated: field(z.number().int(), { description: "When the server was created (Unix seconds)." }),
};

type Settings = Partial<Pick<ServerData, "firewall" | "autoupdates" | "deny_unknown_domains">>;

/** The API's server as the provider sees it; the list function uses the same mapping. */
export function serverFromApi(data: ServerData) {
  return {
    id: data.id,
    inputs: {
      name: data.name,
      firewall: data.firewall,
      autoupdates: data.autoupdates,
      denyUnknownDomains: data.deny_unknown_domains,
    },
    outputs: {
      lastaddress: data.lastaddress ?? undefined,
      lastconn: data.lastconn ?? undefined,
      datecreated: data.datecreated,
    },
  };
}

export const Server = defineResource({
  token: "hosting:serverpilot:Server",
  importId: "<serverId>",
  importExample: "UXOSIYrdtL4cSGp3",
  example: `
const server = new hosting.serverpilot.Server("web", { name: "web1", firewall: true, autoupdates: true });

// For the ServerPilot installer on the machine: serverpilot-installer --server-id=<id> --server-apikey=<apikey>
export const serverId = server.id;
export const serverApiKey = server.apikey; // secret
`,
  destroy:
    "Deletes the server from ServerPilot with its system users, apps and databases (the machine itself is not touched: ServerPilot stops managing it).",
  description:
    "A server connected to ServerPilot. Creating it registers the server; run the ServerPilot installer on the machine with the `id` and `apikey` outputs to finish connecting it. Deleting it deletes its system users, apps and databases.",
  api: serverPilotApi,
  inputs,
  outputs,
  async create(ctx, args) {
    const client = ctx.client;
    // Names are not unique: a candidate is one of the name made since the POST.
    const created = await createOnce(ctx, {
      api: "ServerPilot",
      subject: `server ${args.name}`,
      token: "hosting:serverpilot:Server",
      importId: "<server id>",
      create: () => client.createServer({ name: args.name }, ctx, (id) => ctx.created(id)),
      candidates: async (look) =>
        (await client.listServers(look)).filter((s) => s.name === args.name).map((data) => ({ data, what: `create server ${args.name}` })),
      createdAt: (found) => unixTime(found.data.datecreated),
      describe: (found) => `server ${args.name}: recorded as ${found.data.id}`,
    });
    const { id, apikey } = created.data;
    if (apikey === undefined) {
      ctx.warn(
        `the server's one-time API key was in the lost answer, and ServerPilot never shows it again: without it serverpilot-installer cannot connect server ${id}. To get a server with a key, replace this one: \`pulumi up --replace ${ctx.urn}\``,
      );
    }
    // The one-time API key is recorded even when a later step fails: it is never shown again.
    ctx.created(id, { apikey });
    await ctx.client.settle(created, ctx);
    const wanted: Settings = { firewall: args.firewall, autoupdates: args.autoupdates, deny_unknown_domains: args.denyUnknownDomains };
    const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => created.data[k as keyof Settings] !== v));
    if (Object.keys(changed).length > 0) await ctx.client.updateServer(id, changed, ctx);
    const current = (await ctx.client.getServer(id, ctx)) ?? created.data;
    return { id, outputs: { ...serverFromApi(current).outputs, apikey } };
  },
  async read(ctx, id) {
    const data = await ctx.client.getServer(id, ctx);
    return data && serverFromApi(data);
  },
  async update(ctx, id, olds, news, changes) {
    const changed: Settings = {};
    if (changes.has("firewall")) changed.firewall = news.firewall;
    if (changes.has("autoupdates")) changed.autoupdates = news.autoupdates;
    if (changes.has("denyUnknownDomains")) changed.deny_unknown_domains = news.denyUnknownDomains;
    // Nothing to change happens when Pulumi re-runs a half-created server's update.
    const data = Object.keys(changed).length > 0 ? (await ctx.client.updateServer(id, changed, ctx)).data : await ctx.client.getServer(id, ctx);
    if (!data) throw new Error(`server ${id} no longer exists`);
    return { ...serverFromApi(data).outputs, apikey: olds.outputs.apikey };
  },
  async delete(ctx, id) {
    ctx.log(`deleting server ${id} with its system users, apps and databases`);
    await ctx.client.deleteServer(id, ctx);
  },
});
