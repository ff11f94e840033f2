// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.
export { Server, type ServerArgs } from "./server";
export { SysUser, type SysUserArgs } from "./sysUser";
export { App, type AppArgs } from "./app";
export { Database, type DatabaseArgs } from "./database";
export { getServers, getServersOutput, type GetServersArgs, type GetServersResult } from "./getServers";
export { getSysUsers, getSysUsersOutput, type GetSysUsersArgs, type GetSysUsersResult } from "./getSysUsers";
export { getApps, getAppsOutput, type GetAppsArgs, type GetAppsResult } from "./getApps";
export { getDatabases, getDatabasesOutput, type GetDatabasesArgs, type GetDatabasesResult } from "./getDatabases";
