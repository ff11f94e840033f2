// MySQL databases. A create is a provisioning job: the name given is prefixed
// with the account ("shop" on account 100001 becomes ID100001_shop, with
// hostname ID100001_shop.db.webhosting.be, as FACTS.md shows the real API
// doing), and the database's first user has the same name, read_and_write
// rights and the password given. With a MariaDB attached, the database and the
// user are created for real when the job finishes, so a test can log in.
//
// The name rule is the sandbox's: the OpenAPI only says the name "will be
// prefixed", so the documented rule for MySQL user names (2-14 characters,
// lowercase letters and digits) stands in for it; the prefixed name is also the
// user's name, which MySQL limits to 32 characters.
import { invalid, notFound, validationFailed } from "./combell-errors";
import { Fields, PASSWORD } from "./combell-fields";
import { paged, queryValue } from "./combell-paging";
import { accepted, noContent, servicepackOf, type CombellState, type Route } from "./combell-state";
import { mysqlDatabaseView, mysqlUserView, type MysqlDatabaseRecord, type MysqlUserRecord } from "./combell-store";

export const MYSQL_HOST_SUFFIX = ".db.webhosting.be";
export const DEFAULT_DATABASE_SIZE_MB = 1024;
const DATABASE_NAME = /^[a-z0-9]{2,14}$/;
const MAX_MYSQL_USER_LENGTH = 32;

export const provisionedDatabaseName = (accountId: number, name: string) => `ID${accountId}_${name}`;

export function mysqlRoutes(state: CombellState): Route[] {
  const { store, jobs, databases } = state;

  function databaseOf(name: string): MysqlDatabaseRecord {
    const database = store.mysqlDatabases.get(name);
    if (!database) throw notFound(`MySQL database ${name.slice(0, 64)} not found.`);
    return database;
  }

  function userOf(database: MysqlDatabaseRecord, name: string): MysqlUserRecord {
    const user = database.users.find((u) => u.name === name);
    if (!user) throw notFound(`MySQL database ${database.name} has no user ${name.slice(0, 64)}.`);
    return user;
  }

  return [
    {
      method: "GET",
      pattern: /^\/mysqldatabases$/,
      handle: ({ query }) => {
        const accountId = queryValue(query, "account_id");
        if (accountId !== undefined && !/^[0-9]{1,10}$/.test(accountId)) throw invalid("account_id", "invalid_type", "must be a whole number.");
        const list = [...store.mysqlDatabases.values()].filter((d) => accountId === undefined || d.account_id === Number(accountId));
        return paged(list, query, state.paging, mysqlDatabaseView);
      },
    },
    {
      method: "POST",
      pattern: /^\/mysqldatabases$/,
      handle: async ({ body }) => {
        const f = new Fields(body, ["database_name", "account_id", "password"]);
        const given = f.string("database_name", {
          required: true,
          check: (v) => (DATABASE_NAME.test(v) ? null : `must be 2-14 lowercase letters and digits, without the ID prefix (got "${v.slice(0, 64)}").`),
        });
        const accountId = f.integer("account_id", { required: true, min: 1 });
        const password = f.string("password", PASSWORD);
        const account = accountId === undefined ? undefined : store.accounts.get(accountId);
        if (accountId !== undefined && !account) f.fail("account_id", "invalid_value", `is not one of your accounts (got ${accountId}).`);
        if (account && !(servicepackOf(state, account)?.assets.includes("mysql") ?? false)) {
          f.fail("account_id", "invalid_value", `is account ${account.id}, whose servicepack has no MySQL databases.`);
        }
        const name = account && given !== undefined ? provisionedDatabaseName(account.id, given) : undefined;
        if (name !== undefined && name.length > MAX_MYSQL_USER_LENGTH) {
          f.fail("database_name", "too_long", `makes the database (and user) name ${name}, longer than ${MAX_MYSQL_USER_LENGTH} characters.`);
        }
        if (name !== undefined && (store.mysqlDatabases.has(name) || jobs.isReserved(`mysql:${name}`))) {
          f.fail("database_name", "already_exists", `makes the name ${name}, which already exists on account ${account!.id} (or is being created).`);
        }
        f.done();
        const conflict = await databases.conflict(name!, name!);
        if (conflict) throw validationFailed([{ error_code: "already_exists", error_text: `"database_name": ${conflict}` }]);
        const job = jobs.start({
          kind: "mysql_database",
          reserves: [`mysql:${name}`],
          finish: async () => {
            await databases.create(name!, name!, password!);
            store.mysqlDatabases.set(name!, {
              name: name!,
              hostname: `${name}${MYSQL_HOST_SUFFIX}`,
              account_id: account!.id,
              max_size: DEFAULT_DATABASE_SIZE_MB,
              actual_size: 0,
              users: [{ name: name!, password: password!, rights: "read_and_write", enabled: true }],
            });
            return [`/v2/mysqldatabases/${name}`];
          },
        });
        return accepted(job, state);
      },
    },
    {
      method: "GET",
      pattern: /^\/mysqldatabases\/([^/]+)$/,
      handle: ({ params: [name] }) => mysqlDatabaseView(databaseOf(name)),
    },
    {
      method: "DELETE",
      pattern: /^\/mysqldatabases\/([^/]+)$/,
      handle: async ({ params: [name] }) => {
        const database = databaseOf(name);
        await databases.drop(database.name, database.users.map((u) => u.name));
        store.mysqlDatabases.delete(database.name);
        return noContent();
      },
    },
    {
      method: "GET",
      pattern: /^\/mysqldatabases\/([^/]+)\/users$/,
      handle: ({ params: [name], query }) => paged(databaseOf(name).users, query, state.paging, mysqlUserView),
    },
    {
      method: "PUT",
      pattern: /^\/mysqldatabases\/([^/]+)\/users\/([^/]+)\/password$/,
      handle: async ({ params: [name, userName], body }) => {
        const user = userOf(databaseOf(name), userName);
        const f = new Fields(body, ["password"]);
        const password = f.string("password", PASSWORD);
        f.done();
        await databases.setPassword(user.name, password!);
        user.password = password!;
        return noContent();
      },
    },
  ];
}
