// README's first command: the quickstart runs a real Pulumi program end to end, and leaves
// nothing behind however it ends.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../provider/version";
import { descendantsOf, isRunning, type ProcessInfo } from "./harness/process-tree";
import { ScanRecord } from "./harness/scan-record";

const QUICKSTART = join(packageRoot(), "dist/scripts/quickstart.js");

/** `detached`: in a process group of its own, as a shell runs it, so Ctrl-C can be sent to the group. */
function startQuickstart(env: NodeJS.ProcessEnv = {}, options: { detached?: boolean } = {}) {
  const child = spawn(process.execPath, [QUICKSTART], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: options.detached,
  });
  let output = "";
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk;
    for (const wait of waiting.filter((w) => w.pattern.test(output))) wait.resolve();
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  // For the secret scan: all a user sees of the quickstart, once its output has ended.
  child.once("close", () => {
    const record = ScanRecord.open("quickstart");
    record.text("quickstart output", output);
    record.close();
  });
  return {
    child,
    output: () => output,
    exited,
    /** Resolves once the output matches; rejects if the quickstart ends first. */
    seen: (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        if (pattern.test(output)) return resolve();
        waiting.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`quickstart exited (${code}) before ${pattern}:\n${output}`)));
      }),
  };
}

async function allEnded(processes: ProcessInfo[], withinMs: number): Promise<ProcessInfo[]> {
  const deadline = Date.now() + withinMs;
  let left = processes.filter((p) => isRunning(p.pid));
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = left.filter((p) => isRunning(p.pid));
  }
  return left;
}

it("takes examples/quickstart through preview, up, change, refresh and destroy", async () => {
  const quickstart = startQuickstart();
  const code = await quickstart.exited;
  const output = quickstart.output();
  expect(output).toContain("Quickstart complete.");
  expect(code).toBe(0);
  // Secret outputs (the user, as the object it comes from holds the password) show by name only.
  expect(output).toContain("mysql -u <databaseUser> -p*** blogdb: logged in");
  expect(output).toMatch(/^~ {2}hosting:serverpilot:App blog update {2}\[~runtime: "php8\.2" => "php8\.3"\]$/m);
  expect(output).toMatch(/^~ {2}hosting:serverpilot:Server web update {2}\[~firewall: true => false\]$/m);
  // Refresh shows what changed outside Pulumi, with the stored and the read value.
  expect(output).toMatch(/^~ {2}hosting:serverpilot:Server web refresh {2}\[~firewall: false => true\]$/m);
  // A resource's progress lines come under its own line, not before it.
  expect(output).toMatch(/App blog update .*\n {4}will change the runtime from php8\.2 to php8\.3\n/);
  expect(output).toMatch(/App blog create\n {4}enable AutoSSL\n/);
  expect(output).toContain("serverApiKey: [secret]");
  expect(output).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  // Not a terminal: no colour or bold codes.
  expect(output).not.toMatch(/\x1b\[/);
  expect(output).toContain(
    "Left behind: 0 ServerPilot resources, 0 of the program's DNS records, 0 mailbox(es), 0 database(s) in the game-server panel, WisPanel and DBaaS, 0 MariaDB or PostgreSQL database(s).",
  );
  // The three database panels: each database logs in with what the outputs say.
  expect(output).toMatch(/^mysql -u u1_\w{10} -p\*\*\* s1_stats: logged in$/m);
  expect(output).toContain("mysql -u john_forum -p*** john_forum: logged in");
  expect(output).toContain("psql -h <analyticsHost> -p <analyticsPort> -U <analyticsUser> <analyticsDatabase>: logged in");
  expect(output).toMatch(/^~ {2}hosting:pterodactyl:ServerDatabase game-stats update {2}\[~passwordRotation: "initial" => "rotated"\]$/m);
  expect(output).toMatch(/ -p<new password> s1_stats: logged in\n.* -p<old password> s1_stats: refused\n/);
  expect(output).toMatch(/DBaaS accepted postgresql 16 database analytics as db_\w+ \(status provisioning\); waiting until it is running/);
  expect(output).toContain("gameDatabasePassword: [secret]");
  expect(output).toContain("analyticsPassword: [secret]");
  // The reseller part: an account from a servicepack found by name, DNS records, a database that logs in.
  expect(output).toMatch(/^mysql -h ID\d+_shop\.db\.webhosting\.be -u ID\d+_shop -p\*\*\* ID\d+_shop: logged in$/m);
  expect(output).toMatch(/^~ {2}hosting:combell:DnsRecord shop-app update {2}\[~ttl: 3600 => 600\]$/m);
  expect(output).toMatch(/^~ {2}hosting:combell:DnsRecord shop-app refresh {2}\[~content: "192\.0\.2\.10" => "198\.51\.100\.99"\]$/m);
  expect(output).toMatch(/Account shop delete\n {4}warning: Combell's API cannot delete accounts: account \d+ \(shop\.example\.com\) still exists/);
  expect(output).toContain("shopDatabasePassword: [secret]");
}, 180_000);

describe("stopping the quickstart", () => {
  it.each([
    ["SIGINT", "the quickstart", /== pulumi up\n/, 130],
    ["SIGINT", "its process group, as Ctrl-C at a terminal", /== pulumi up\n/, 130],
    ["SIGTERM", "the quickstart", /== pulumi preview --diff\n/, 143],
  ] as const)("on %s to %s (once %s shows) removes its work folder, stops the sandboxes, MariaDB and PostgreSQL and exits %i", async (signal, to, moment, exitCode) => {
    // Its own temporary folder, so what the quickstart leaves there is all that is there.
    const temporary = mkdtempSync(join(tmpdir(), "quickstart-stop-test-"));
    try {
      const toGroup = to !== "the quickstart";
      const quickstart = startQuickstart({ TMPDIR: temporary }, { detached: toGroup });
      await quickstart.seen(moment);
      const work = readdirSync(temporary).filter((name) => name.startsWith("hosting-quickstart-"));
      expect(work).toHaveLength(1);
      // Its stack.json holds the API key and the passwords.
      expect(statSync(join(temporary, work[0], "stack.json")).mode & 0o777).toBe(0o600);
      const started = descendantsOf(quickstart.child.pid!);
      const mariadbd = started.filter((p) => p.command === "mariadbd");
      expect(mariadbd).toHaveLength(1);
      if (moment.source.includes("up")) expect(started.some((p) => p.command === "postgres")).toBe(true);

      process.kill(toGroup ? -quickstart.child.pid! : quickstart.child.pid!, signal);
      expect(await quickstart.exited).toBe(exitCode);
      expect(quickstart.output()).toContain(`quickstart: ${signal}: stopping`);
      expect(isRunning(mariadbd[0].pid)).toBe(false);
      expect(readdirSync(temporary)).toEqual([]);
      // MariaDB's watchdog ends by itself once MariaDB is gone.
      expect(await allEnded(started, 3000)).toEqual([]);
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
  }, 120_000);

  it("on Ctrl-C while PostgreSQL's initdb runs (which the Ctrl-C also reaches) exits 130, not as a failed start", async () => {
    const temporary = mkdtempSync(join(tmpdir(), "quickstart-stop-test-"));
    try {
      const quickstart = startQuickstart({ TMPDIR: temporary }, { detached: true });
      let exited = false;
      void quickstart.exited.then(() => (exited = true));
      const deadline = Date.now() + 60_000;
      while (!descendantsOf(quickstart.child.pid!).some((p) => p.command === "initdb")) {
        if (exited || Date.now() > deadline) throw new Error(`initdb never ran:\n${quickstart.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const started = descendantsOf(quickstart.child.pid!);
      process.kill(-quickstart.child.pid!, "SIGINT");
      expect(await quickstart.exited).toBe(130);
      expect(quickstart.output()).not.toContain("quickstart failed");
      expect(readdirSync(temporary)).toEqual([]);
      expect(await allEnded(started, 3000)).toEqual([]);
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
  }, 120_000);
});
