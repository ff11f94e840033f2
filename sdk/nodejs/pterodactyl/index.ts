// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.
export { ServerDatabase, type ServerDatabaseArgs } from "./serverDatabase";
export { getServerDatabases, getServerDatabasesOutput, type GetServerDatabasesArgs, type GetServerDatabasesResult } from "./getServerDatabases";
