import type { Backend } from "../../kit/resource";
import { serverPilotApi } from "./api";
import { App } from "./app";
import { Database } from "./database";
import { getApps, getDatabases, getServers, getSysUsers } from "./functions";
import { Server } from "./server";
import { SysUser } from "./sysuser";

export const backend: Backend = {
  api: serverPilotApi,
  resources: [Server, SysUser, App, Database],
  functions: [getServers, getSysUsers, getApps, getDatabases],
};
