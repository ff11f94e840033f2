// A private, throw-away PostgreSQL 15 server for tests: its own data directory under
// os.tmpdir(), its own loopback port, a random superuser password. Started without systemd,
// as test/sandbox/mariadb.ts starts MariaDB: initdb, then postgres in the foreground. PostgreSQL
// refuses to run as root, so as root both run as the `postgres` user the image has. Statements
// go through the psql command-line client (no npm client is installed).
import { execFile, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { guard } from "./watchdog";
import { recordSecret } from "../harness/scan-record";

export interface Postgres {
  readonly host: string;
  readonly port: number;
  /** Runs SQL as the superuser; the rows of the last statement, tab-separated columns. */
  query(sql: string, database?: string): Promise<string[][]>;
  /** Really logs in over TCP with these credentials and runs `sql` (default SELECT 1); false when refused. */
  canLogin(user: string, password: string, database: string): Promise<boolean>;
  /** As canLogin, but returns what `sql` printed (throws when refused). */
  runAs(user: string, password: string, database: string, sql: string): Promise<string>;
  databaseExists(name: string): Promise<boolean>;
  roleExists(name: string): Promise<boolean>;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const VERSIONED_DIRS = "/usr/lib/postgresql";

/** Debian and Ubuntu put each major version in a folder of its own; the newest found is used. */
function binDirs(): string[] {
  const versions = existsSync(VERSIONED_DIRS)
    ? readdirSync(VERSIONED_DIRS)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return ["/usr/local/bin", ...versions.map((v) => join(VERSIONED_DIRS, v, "bin")), "/usr/bin"];
}

function findBinary(name: string): string {
  const dirs = binDirs();
  for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`PostgreSQL is not installed: '${name}' was not found in ${[...dirs, `${VERSIONED_DIRS}/<version>/bin`].join(", ")}`);
}

/** As root, the uid and gid of the `postgres` user; otherwise nothing (run as ourselves). */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  if (!Number.isInteger(uid) || uid <= 0) throw new Error("running as root, PostgreSQL needs a `postgres` user to run as");
  return { uid, gid: id("-g") };
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface PsqlResult {
  code: number;
  stdout: string;
  stderr: string;
}

function psql(port: number, user: string, password: string, database: string, sql: string): Promise<PsqlResult> {
  return new Promise((resolve) => {
    const args = ["-h", HOST, "-p", String(port), "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-q", "-A", "-t", "-F", "\t", "-c", sql];
    // The password travels in the environment, never on a command line other processes can read.
    execFile(findBinary("psql"), args, { env: { ...process.env, PGPASSWORD: password, PGCONNECT_TIMEOUT: "5" } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * As root, PostgreSQL runs as `postgres`, which must be able to enter every folder above its data
 * directory. A TMPDIR of root's own (mode 0700, as mkdtemp makes it) is not: then /tmp is used.
 */
function reachableTemporaryFolder(): string {
  const folder = resolve(tmpdir());
  for (let up = folder; ; up = dirname(up)) {
    if ((statSync(up).mode & 0o001) === 0) return "/tmp";
    if (dirname(up) === up) return folder;
  }
}

export async function startPostgres(): Promise<Postgres> {
  const user = runAsUser();
  const dir = mkdtempSync(join(user ? reachableTemporaryFolder() : tmpdir(), "postgres-sandbox-"));
  if (user) chownSync(dir, user.uid, user.gid);
  const superPassword = randomBytes(18).toString("base64url");
  recordSecret("PostgreSQL: its superuser password", superPassword);
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, `${superPassword}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  const dataDir = join(dir, "data");
  // Not spawnSync: initdb takes a second or two, and a caller's signal handlers (the quickstart's
  // Ctrl-C) must run while it does, not after it has failed from the same Ctrl-C.
  const init = await new Promise<{ status: number | string; stderr: string }>((resolve) => {
    const args = ["-D", dataDir, "-U", "postgres", "--auth=scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8", "--no-sync", "--no-instructions"];
    execFile(findBinary("initdb"), args, { encoding: "utf8", ...(user ?? {}) }, (error, _stdout, stderr) => {
      resolve({ status: error ? (error.code ?? error.signal ?? 1) : 0, stderr });
    });
  });
  rmSync(pwfile, { force: true });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr}`);
  }
  const port = await freeLoopbackPort();
  const log = join(dir, "postgres.log");
  const child = spawn(
    "sh",
    ["-c", 'exec "$0" "$@" >"$LOG" 2>&1', findBinary("postgres"), "-D", dataDir, "-p", String(port), "-k", dir, "-c", `listen_addresses=${HOST}`,
      "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "shared_buffers=16MB", "-c", "max_connections=30"],
    { stdio: "ignore", env: { ...process.env, LOG: log }, ...(user ?? {}) },
  );
  guard(child, dir, "postgres");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 20_000;
  for (;;) {
    const probe = await psql(port, "postgres", superPassword, "postgres", "SELECT 1");
    if (probe.code === 0) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      const tail = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`postgres did not accept connections on ${HOST}:${port}: ${probe.stderr}\n${tail}`);
    }
    await sleep(100);
  }

  const query = async (sql: string, database = "postgres") => {
    const result = await psql(port, "postgres", superPassword, database, sql);
    if (result.code !== 0) throw new Error(`psql failed: ${result.stderr.trim()}`);
    return result.stdout.split("\n").filter((line) => line !== "").map((line) => line.split("\t"));
  };
  let stopped = false;
  return {
    host: HOST,
    port,
    query,
    async canLogin(name, password, database) {
      const result = await psql(port, name, password, database, "SELECT 1");
      if (result.code === 0) return true;
      if (/password authentication failed|does not exist|permission denied/.test(result.stderr)) return false;
      throw new Error(`psql failed: ${result.stderr.trim()}`);
    },
    async runAs(name, password, database, sql) {
      const result = await psql(port, name, password, database, sql);
      if (result.code !== 0) throw new Error(`psql as ${name} failed: ${result.stderr.trim()}`);
      return result.stdout.trim();
    },
    async databaseExists(name) {
      return (await query(`SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, "''")}'`)).length > 0;
    },
    async roleExists(name) {
      return (await query(`SELECT 1 FROM pg_roles WHERE rolname = '${name.replace(/'/g, "''")}'`)).length > 0;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
