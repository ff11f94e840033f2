import { defineListFunction } from "../../kit/list-function";
import { Database, databaseFromApi } from "./database";

// A read-only view over GET /databases, each item mapped exactly as the resource reads it
// (without credentials, which only /credentials gives). The list is not paginated.

export const getDatabases = defineListFunction({
  token: "hosting:dbaas:getDatabases",
  description: "Lists the DBaaS databases, optionally only those of one engine, region or status.",
  resource: Database,
  listName: "databases",
  filters: { dbType: "Only the databases of this engine.", region: "Only the databases in this region.", status: "Only the databases in this status." },
  list: (ctx) => ctx.client.listDatabases(ctx),
  fromApi: (data) => databaseFromApi(data),
});
