import type { Backend } from "../../kit/resource";
import { dbaasApi } from "./api";
import { Database } from "./database";
import { getDatabases } from "./functions";

export const backend: Backend = {
  api: dbaasApi,
  resources: [Database],
  functions: [getDatabases],
};
