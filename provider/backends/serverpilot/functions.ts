import { z } from "zod";
import { field } from "../../kit/fields";
import { defineFunction } from "../../kit/resource";
import { serverPilotApi } from "./api";
import { serverPilotClient } from "./client";

// Read-only views of the account, over the documented list endpoints. ServerPilot lists are
// not paginated; the filters are applied here.

const optionalId = (description: string) => field(z.string().optional(), { description });

export const getServers = defineFunction({
  token: "hosting:serverpilot:getServers",
  description: "Lists the servers of the ServerPilot account.",
  api: serverPilotApi,
  inputs: {},
  outputs: {
    servers: field(
      z.array(
        z.object({
          id: field(z.string(), { description: "Server id." }),
          name: field(z.string(), { description: "Server nickname." }),
          firewall: field(z.boolean(), { description: "Firewall enabled." }),
          autoupdates: field(z.boolean(), { description: "Automatic updates enabled." }),
          denyUnknownDomains: field(z.boolean(), { description: "Unknown domains denied." }),
          lastaddress: field(z.string().optional(), { description: "Last address." }),
          datecreated: field(z.number().int(), { description: "Created (Unix seconds)." }),
        }),
      ),
      { description: "The servers.", typeName: "ServerSummary" },
    ),
  },
  async invoke(ctx) {
    const servers = await serverPilotClient(ctx.config).listServers(ctx);
    return {
      servers: servers.map((s) => ({
        id: s.id,
        name: s.name,
        firewall: s.firewall,
        autoupdates: s.autoupdates,
        denyUnknownDomains: s.deny_unknown_domains,
        lastaddress: s.lastaddress ?? undefined,
        datecreated: s.datecreated,
      })),
    };
  },
});

export const getSysUsers = defineFunction({
  token: "hosting:serverpilot:getSysUsers",
  description: "Lists system users, optionally only those of one server.",
  api: serverPilotApi,
  inputs: { serverId: optionalId("Only the system users of this server.") },
  outputs: {
    sysusers: field(
      z.array(
        z.object({
          id: field(z.string(), { description: "System user id." }),
          name: field(z.string(), { description: "User name." }),
          serverId: field(z.string(), { description: "Server id." }),
        }),
      ),
      { description: "The system users.", typeName: "SysUserSummary" },
    ),
  },
  async invoke(ctx, args) {
    const users = await serverPilotClient(ctx.config).listSysUsers(ctx);
    return {
      sysusers: users
        .filter((u) => !args.serverId || u.serverid === args.serverId)
        .map((u) => ({ id: u.id, name: u.name, serverId: u.serverid })),
    };
  },
});

export const getApps = defineFunction({
  token: "hosting:serverpilot:getApps",
  description: "Lists apps, optionally only those of one server or one system user.",
  api: serverPilotApi,
  inputs: {
    serverId: optionalId("Only the apps on this server."),
    sysuserId: optionalId("Only the apps of this system user."),
  },
  outputs: {
    apps: field(
      z.array(
        z.object({
          id: field(z.string(), { description: "App id." }),
          name: field(z.string(), { description: "App nickname." }),
          sysuserId: field(z.string(), { description: "Owning system user." }),
          serverId: field(z.string(), { description: "Server id." }),
          runtime: field(z.string(), { description: "PHP runtime." }),
          domains: field(z.array(z.string()), { description: "Domains." }),
          sslEnabled: field(z.boolean(), { description: "Whether the app has SSL (AutoSSL or custom)." }),
          datecreated: field(z.number().int(), { description: "Created (Unix seconds)." }),
        }),
      ),
      { description: "The apps.", typeName: "AppSummary" },
    ),
  },
  async invoke(ctx, args) {
    const apps = await serverPilotClient(ctx.config).listApps(ctx);
    return {
      apps: apps
        .filter((a) => (!args.serverId || a.serverid === args.serverId) && (!args.sysuserId || a.sysuserid === args.sysuserId))
        .map((a) => ({
          id: a.id,
          name: a.name,
          sysuserId: a.sysuserid,
          serverId: a.serverid,
          runtime: a.runtime,
          domains: a.domains,
          sslEnabled: !!a.ssl,
          datecreated: a.datecreated,
        })),
    };
  },
});

export const getDatabases = defineFunction({
  token: "hosting:serverpilot:getDatabases",
  description: "Lists databases, optionally only those of one server or one app.",
  api: serverPilotApi,
  inputs: {
    serverId: optionalId("Only the databases on this server."),
    appId: optionalId("Only the databases of this app."),
  },
  outputs: {
    databases: field(
      z.array(
        z.object({
          id: field(z.string(), { description: "Database id." }),
          name: field(z.string(), { description: "Database name." }),
          appId: field(z.string(), { description: "App id." }),
          serverId: field(z.string(), { description: "Server id." }),
          userId: field(z.string(), { description: "Database user id." }),
          userName: field(z.string(), { description: "Database user name." }),
        }),
      ),
      { description: "The databases.", typeName: "DatabaseSummary" },
    ),
  },
  async invoke(ctx, args) {
    const dbs = await serverPilotClient(ctx.config).listDatabases(ctx);
    return {
      databases: dbs
        .filter((d) => (!args.serverId || d.serverid === args.serverId) && (!args.appId || d.appid === args.appId))
        .map((d) => ({ id: d.id, name: d.name, appId: d.appid, serverId: d.serverid, userId: d.user.id, userName: d.user.name })),
    };
  },
});
