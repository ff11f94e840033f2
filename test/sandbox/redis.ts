// Throw-away redis-server processes for tests, one per DBaaS Redis database, each on its own
// loopback port with its own password (requirepass: the DBaaS's Redis credentials have a password
// and no user name), no persistence, a private folder. Started without systemd; the program comes
// from Debian's redis-server package (scripts/ensure-redis.sh installs it). Commands go through
// redis-cli, the password through REDISCLI_AUTH so it is on no command line.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freeLoopbackPort } from "./postgres";
import { guard } from "./watchdog";

export interface RedisServer {
  readonly host: string;
  readonly port: number;
  readonly password: string;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";

function findBinary(name: string): string {
  for (const dir of ["/usr/bin", "/usr/local/bin", "/usr/sbin"]) if (existsSync(join(dir, name))) return join(dir, name);
  throw new Error(`Redis is not installed: '${name}' was not found; run scripts/ensure-redis.sh (Debian's redis-server and redis-tools)`);
}

/** One redis-cli command; its output, or the error Redis answered with. */
export function redisCommand(port: number, password: string, ...command: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(
      findBinary("redis-cli"),
      ["-h", HOST, "-p", String(port), "--no-auth-warning", ...command],
      { env: { ...process.env, REDISCLI_AUTH: password }, timeout: 5000 },
      (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        resolve({ ok: !error && !/^(ERR|NOAUTH|WRONGPASS|WRONGTYPE)\b/m.test(output) && !/Could not connect/.test(output), output });
      },
    );
  });
}

/** Really logs in with the password and answers PING. */
export async function redisCanLogin(port: number, password: string): Promise<boolean> {
  const { ok, output } = await redisCommand(port, password, "PING");
  return ok && output === "PONG";
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startRedis(password: string): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "redis-sandbox-"));
  const port = await freeLoopbackPort();
  // The password goes in on stdin as configuration, not as an argument others could read.
  const child: ChildProcess = spawn(findBinary("redis-server"), ["-"], { stdio: ["pipe", "ignore", "ignore"] });
  child.stdin!.end(
    [`port ${port}`, `bind ${HOST}`, `dir ${dir}`, 'save ""', "appendonly no", "daemonize no", `requirepass "${password.replace(/["\\]/g, "\\$&")}"`, ""].join("\n"),
  );
  guard(child, dir, "redis");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await redisCanLogin(port, password))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not answer on ${HOST}:${port}`);
    }
    await sleep(50);
  }
  let stopped = false;
  return {
    host: HOST,
    port,
    password,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
