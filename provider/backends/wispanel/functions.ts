import { z } from "zod";
import { field } from "../../kit/fields";
import { defineListFunction } from "../../kit/list-function";
import { defineFunction } from "../../kit/resource";
import { boundedString } from "../../kit/strings";
import { wisPanelApi } from "./api";
import { Database, databaseFromApi } from "./database";

// Read-only views of the panel: its databases, mapped exactly as the resource reads them, and a
// phpMyAdmin login for one of them.

export const getDatabases = defineListFunction({
  token: "hosting:wispanel:getDatabases",
  description: "Lists the databases the API key may see (its owner's; an admin's key sees all), optionally only those of one domain or owner.",
  resource: Database,
  listName: "databases",
  filters: { domain: "Only the databases of this domain.", owner: "Only the databases of this panel user." },
  list: (ctx) => ctx.client.listDatabases(ctx),
  fromApi: databaseFromApi,
});

export const getPhpMyAdminLogin = defineFunction({
  token: "hosting:wispanel:getPhpMyAdminLogin",
  description:
    "Asks WisPanel for a single-use phpMyAdmin login to a database (POST /databases/{id}/phpmyadmin). Each call makes a new one, and Pulumi calls functions at every preview and up as well: the latest login is in the stack outputs. The URL logs in whoever opens it first, so it is a secret.",
  api: wisPanelApi,
  inputs: {
    id: field(
      boundedString(64, "must be a database's full name (at most 64 characters), such as john_mydb").regex(
        /^[a-zA-Z0-9_]+$/,
        "must be a database's full name, such as john_mydb (a Database's id): letters, digits and '_'",
      ),
      {
        description: "The database's full name (john_mydb): a Database's id or fullName.",
      },
    ),
  },
  outputs: {
    url: field(z.string(), { description: "The single-use login URL.", secret: true }),
    token: field(z.string().optional(), { description: "The login's token, also part of the URL.", secret: true }),
  },
  async invoke(ctx, args) {
    const login = await ctx.client.phpMyAdminLogin(args.id, ctx);
    return { url: login.url, token: login.token ?? undefined };
  },
});
