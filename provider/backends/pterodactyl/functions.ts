import { defineListFunction } from "../../kit/list-function";
import { numericId } from "./rules";
import { field } from "../../kit/fields";
import { ServerDatabase, serverDatabaseFromApi } from "./server-database";

// A read-only view of a server's databases over the document's list endpoint, each item mapped
// exactly as the resource reads it (passwords included, as secrets). The document pages the
// list; the real panel sends it whole: both are followed to the end.

export const getServerDatabases = defineListFunction({
  token: "hosting:pterodactyl:getServerDatabases",
  description: "Lists the databases of one server, every page of them, optionally only those whose user connects from one remote.",
  resource: ServerDatabase,
  listName: "databases",
  arguments: { serverId: field(numericId("a server id"), { description: "The numeric id of the server whose databases to list." }) },
  filters: { remote: "Only the databases whose user may connect from exactly this remote." },
  list: (ctx, args) => ctx.client.listDatabases(args.serverId as number, ctx),
  fromApi: serverDatabaseFromApi,
  everyArgument: async (ctx) => (await ctx.client.listServerIds(ctx)).map((serverId) => ({ serverId })),
});
