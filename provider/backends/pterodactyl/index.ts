import type { Backend } from "../../kit/resource";
import { pterodactylApi } from "./api";
import { getServerDatabases } from "./functions";
import { ServerDatabase } from "./server-database";

export const backend: Backend = {
  api: pterodactylApi,
  resources: [ServerDatabase],
  functions: [getServerDatabases],
};
