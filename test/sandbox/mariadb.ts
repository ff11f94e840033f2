// A private, throw-away MariaDB server for tests: its own data directory under
// os.tmpdir(), its own loopback port, a random root password. Started the way
// /work/shared/FACTS.md measured it (no systemd, no /etc/mysql configuration).
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import mysql from "mysql2/promise";
import { recordSecret } from "../harness/scan-record";

export interface MariaDB {
  readonly host: string;
  readonly port: number;
  readonly rootUser: string;
  readonly rootPassword: string;
  /** Runs one statement as root on a pooled connection; `?` and `??` placeholders as in mysql2. */
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Really logs in over TCP as that user; false when the server refuses the credentials. */
  canLogin(user: string, password: string, database?: string): Promise<boolean>;
  databaseExists(name: string): Promise<boolean>;
  userExists(name: string): Promise<boolean>;
  /** Kills mariadbd and removes its data directory. */
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const ROOT_USER = "root";
const READY_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 50;
// mysql2 error numbers that mean "these credentials may not log in (there)".
const LOGIN_REFUSED_ERRNOS = new Set([
  1044, // ER_DBACCESS_DENIED_ERROR: user exists but may not use that database
  1045, // ER_ACCESS_DENIED_ERROR: unknown user or wrong password
  1049, // ER_BAD_DB_ERROR: database does not exist (seen when the user could see it)
]);

const execFileAsync = promisify(execFile);

/** Every mariadbd this Node process started and has not stopped yet, with its directory. */
const runningServers = new Map<ChildProcess, string>();
let exitHandlerInstalled = false;

/**
 * A test run must never leave a mariadbd behind. The 'exit' handler covers a
 * normal or process.exit() end of the Node process; the watchdog started per
 * server (see startWatchdog) covers a Node process that is killed outright.
 */
function killAllOnExit(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on("exit", () => {
    for (const [child, dir] of runningServers) {
      try {
        child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // already gone
      }
    }
  });
}

/**
 * A detached shell that kills mariadbd and removes its directory once this Node
 * process is gone (even after SIGKILL, when no 'exit' handler runs). It ends by
 * itself as soon as mariadbd is gone.
 */
function startWatchdog(serverPid: number, dir: string): void {
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
    'if kill -0 "$2" 2>/dev/null; then kill -9 "$2"; sleep 1; rm -rf "$3"; fi';
  const watchdog = spawn("sh", ["-c", script, "mariadb-watchdog", String(process.pid), String(serverPid), dir], {
    detached: true,
    stdio: "ignore",
  });
  watchdog.unref();
}

function findBinary(name: string): string {
  const searchPath = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const dir of [...searchPath, "/usr/sbin", "/usr/bin"]) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `MariaDB is not installed: '${name}' was found neither in PATH nor in /usr/sbin or /usr/bin. ` +
      "Run scripts/ensure-mariadb.sh (it installs the Debian packages mariadb-server-core and mariadb-client-core).",
  );
}

async function findFreeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function tailOfFile(path: string, lines = 25): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no err.log was written)";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function errnoOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null && "errno" in error
    ? (error as { errno?: number }).errno
    : undefined;
}

/** Polls until root can log in over TCP without a password (fresh install-db state). */
async function waitUntilAcceptingConnections(
  port: number,
  child: ChildProcess,
  errorLog: string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `mariadbd exited (code ${child.exitCode}, signal ${child.signalCode}) before accepting connections.\n` +
          `Tail of ${errorLog}:\n${tailOfFile(errorLog)}`,
      );
    }
    try {
      const connection = await mysql.createConnection({ host: HOST, port, user: ROOT_USER, password: "" });
      await connection.end();
      return;
    } catch (error) {
      lastError = error;
      await sleep(POLL_INTERVAL_MS);
    }
  }
  throw new Error(
    `mariadbd did not accept connections on ${HOST}:${port} within ${READY_TIMEOUT_MS / 1000} s ` +
      `(last error: ${String(lastError)}).\nTail of ${errorLog}:\n${tailOfFile(errorLog)}`,
  );
}

/**
 * Gives the loopback root accounts the random password. install-db also creates
 * root@<machine name>, which --skip-name-resolve makes unreachable (and ALTER USER
 * refuses); it is dropped so no password-less root account is left.
 */
async function setRootPassword(port: number, password: string): Promise<void> {
  const loopbackHosts = ["localhost", "127.0.0.1", "::1"];
  const connection = await mysql.createConnection({ host: HOST, port, user: ROOT_USER, password: "" });
  try {
    const [rows] = await connection.query("SELECT Host AS host FROM mysql.user WHERE User = ?", [ROOT_USER]);
    for (const { host } of rows as Array<{ host: string }>) {
      if (loopbackHosts.includes(host)) {
        await connection.query("ALTER USER ?@? IDENTIFIED BY ?", [ROOT_USER, host, password]);
      } else {
        await connection.query("DELETE FROM mysql.global_priv WHERE User = ? AND Host = ?", [ROOT_USER, host]);
      }
    }
    await connection.query("FLUSH PRIVILEGES");
  } finally {
    await connection.end();
  }
}

function spawnServer(mariadbd: string, dir: string, dataDir: string, port: number): ChildProcess {
  const tempDir = join(dir, "tmp");
  // --no-defaults must come first, or /etc/mysql points the socket at a missing folder.
  return spawn(
    mariadbd,
    [
      "--no-defaults",
      "--user=root",
      `--datadir=${dataDir}`,
      `--socket=${join(dir, "s.sock")}`,
      `--pid-file=${join(dir, "pid")}`,
      `--port=${port}`,
      `--bind-address=${HOST}`,
      "--skip-name-resolve",
      `--log-error=${join(dir, "err.log")}`,
      `--tmpdir=${tempDir}`,
      "--innodb-buffer-pool-size=64M",
      "--innodb-log-file-size=8M",
    ],
    { stdio: "ignore" },
  );
}

interface LaunchedServer {
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
}

/**
 * Starts mariadbd on a free loopback port, waits until it accepts connections and
 * sets the root password. The port is only known to be free when probed; another
 * test worker may take it before mariadbd binds it, in which case mariadbd exits
 * at once and we try another one.
 */
async function launchOnFreePort(mariadbd: string, dir: string, rootPassword: string): Promise<LaunchedServer> {
  const errorLog = join(dir, "err.log");
  for (let attempt = 1; ; attempt++) {
    const port = await findFreeLoopbackPort();
    const child = spawnServer(mariadbd, dir, join(dir, "data"), port);
    child.once("error", () => undefined); // surfaces as an early exit in the readiness poll
    killAllOnExit();
    runningServers.set(child, dir);
    if (child.pid !== undefined) startWatchdog(child.pid, dir);
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.once("exit", () => runningServers.delete(child));
    try {
      await waitUntilAcceptingConnections(port, child, errorLog);
      await setRootPassword(port, rootPassword);
      return { child, port, exited };
    } catch (error) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      const portTaken = /Address already in use|Can't start server: Bind/i.test(tailOfFile(errorLog));
      if (!portTaken || attempt >= 3) throw error;
    }
  }
}

/**
 * mariadb-install-db is a shell script that passes the data directory on unquoted (to chown,
 * among others): under a TMPDIR with a space or a shell character in its path it fails with
 * "chown: cannot access". Then /tmp is used.
 */
export function installableTemporaryFolder(): string {
  return /[\s'"\\$`*?[\]]/.test(tmpdir()) ? "/tmp" : tmpdir();
}

/** Set by the test run's global setup: a data directory install-db made once, copied by each start. */
export const MARIADB_TEMPLATE_ENV = "HOSTING_TEST_MARIADB_TEMPLATE";

/**
 * Makes a fresh data directory. --auth-root-authentication-method=normal: root may log in over
 * TCP (else 1698); --skip-test-db: no anonymous users that would shadow 'u'@'%' (else 1045); the
 * small redo log keeps the directory at 26 MB, so copying it is quicker than installing it again.
 */
export async function installDataDirectory(dataDir: string, tempDir: string): Promise<void> {
  await execFileAsync(findBinary("mariadb-install-db"), [
    "--no-defaults",
    "--user=root",
    `--datadir=${dataDir}`,
    "--auth-root-authentication-method=normal",
    "--skip-test-db",
    `--tmpdir=${tempDir}`, // passed on to the bootstrap mariadbd, as are the two below
    "--innodb-buffer-pool-size=64M",
    "--innodb-log-file-size=8M",
  ]);
}

export async function startMariaDB(options: { baseDir?: string } = {}): Promise<MariaDB> {
  const mariadbd = findBinary("mariadbd");
  const dir = mkdtempSync(join(options.baseDir ?? installableTemporaryFolder(), "mariadb-sandbox-"));
  const dataDir = join(dir, "data");
  // A private tmpdir: two instances bootstrapping at once in the shared /tmp
  // trip over each other's temporary tables ("Could not remove temporary table").
  const tempDir = join(dir, "tmp");
  mkdirSync(tempDir);

  const template = process.env[MARIADB_TEMPLATE_ENV];
  try {
    // In a test run, every start copies the one install the global setup made (about 1 s each).
    if (template && existsSync(join(template, "mysql"))) cpSync(template, dataDir, { recursive: true });
    else await installDataDirectory(dataDir, tempDir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed: ${String(error)}`);
  }

  const rootPassword = randomBytes(18).toString("base64url");
  recordSecret("MariaDB: its root password", rootPassword);
  let server: LaunchedServer;
  try {
    server = await launchOnFreePort(mariadbd, dir, rootPassword);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const { child, port, exited } = server;

  const pool = mysql.createPool({
    host: HOST,
    port,
    user: ROOT_USER,
    password: rootPassword,
    connectionLimit: 4,
  });

  let stopped = false;
  return {
    host: HOST,
    port,
    rootUser: ROOT_USER,
    rootPassword,

    async query<T = any>(sql: string, params?: unknown[]): Promise<T[]> {
      const [result] = await pool.query(sql, params);
      // DDL and DML answer with a single result header; callers still get an array.
      return (Array.isArray(result) ? result : [result]) as T[];
    },

    async canLogin(user: string, password: string, database?: string): Promise<boolean> {
      try {
        const connection = await mysql.createConnection({ host: HOST, port, user, password, database });
        await connection.end();
        return true;
      } catch (error) {
        // Anything else (server down, protocol error) is a broken test setup, not a "no".
        if (LOGIN_REFUSED_ERRNOS.has(errnoOf(error) ?? -1)) return false;
        throw error;
      }
    },

    async databaseExists(name: string): Promise<boolean> {
      const [rows] = await pool.query("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", [name]);
      return (rows as unknown[]).length > 0;
    },

    async userExists(name: string): Promise<boolean> {
      const [rows] = await pool.query("SELECT 1 FROM mysql.user WHERE User = ?", [name]);
      return (rows as unknown[]).length > 0;
    },

    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await pool.end().catch(() => undefined);
      // The data directory is thrown away, so there is nothing to shut down cleanly.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
