import type { Backend } from "../../kit/resource";
import { wisPanelApi } from "./api";
import { Database } from "./database";
import { getDatabases, getPhpMyAdminLogin } from "./functions";

export const backend: Backend = {
  api: wisPanelApi,
  resources: [Database],
  functions: [getDatabases, getPhpMyAdminLogin],
};
