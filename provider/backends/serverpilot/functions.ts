import { defineListFunction } from "../../kit/list-function";
import { App, appFromApi } from "./app";
import { Database, databaseFromApi } from "./database";
import { Server, serverFromApi } from "./server";
import { SysUser, sysUserFromApi } from "./sysuser";

// Read-only views of the account over the documented list endpoints, each item mapped exactly as
// its resource reads it. ServerPilot lists are not paginated; filters are applied here.

export const getServers = defineListFunction({
  token: "hosting:serverpilot:getServers",
  description: "Lists the servers of the ServerPilot account.",
  resource: Server,
  listName: "servers",
  list: (ctx) => ctx.client.listServers(ctx),
  fromApi: serverFromApi,
});

export const getSysUsers = defineListFunction({
  token: "hosting:serverpilot:getSysUsers",
  description: "Lists system users, optionally only those of one server.",
  resource: SysUser,
  listName: "sysusers",
  filters: { serverId: "Only the system users of this server." },
  list: (ctx) => ctx.client.listSysUsers(ctx),
  fromApi: sysUserFromApi,
});

export const getApps = defineListFunction({
  token: "hosting:serverpilot:getApps",
  description: "Lists apps, optionally only those of one server or one system user.",
  resource: App,
  listName: "apps",
  filters: { serverId: "Only the apps on this server.", sysuserId: "Only the apps of this system user." },
  list: (ctx) => ctx.client.listApps(ctx),
  fromApi: appFromApi,
});

export const getDatabases = defineListFunction({
  token: "hosting:serverpilot:getDatabases",
  description: "Lists databases, optionally only those of one server or one app.",
  resource: Database,
  listName: "databases",
  filters: { serverId: "Only the databases on this server.", appId: "Only the databases of this app." },
  list: (ctx) => ctx.client.listDatabases(ctx),
  fromApi: databaseFromApi,
});
