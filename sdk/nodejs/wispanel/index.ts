// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.
export { Database, type DatabaseArgs } from "./database";
export { getDatabases, getDatabasesOutput, type GetDatabasesArgs, type GetDatabasesResult } from "./getDatabases";
export { getPhpMyAdminLogin, getPhpMyAdminLoginOutput, type GetPhpMyAdminLoginArgs, type GetPhpMyAdminLoginResult } from "./getPhpMyAdminLogin";
