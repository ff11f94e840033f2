// The quickstart: takes examples/quickstart through preview, up, a change, up again, refresh
// and destroy against the built-in sandbox (local ServerPilot, Combell, game-server panel,
// WisPanel and DBaaS APIs, backed by real MariaDB and PostgreSQL servers), printing what each
// step does, and shows that every database's credentials really log in.
// Ctrl-C (SIGINT), SIGTERM or SIGHUP at any point stops the running step, removes the work
// folder (its stack.json holds API keys and passwords), stops the sandboxes, MariaDB and PostgreSQL, and
// exits with 128 + the signal's number.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StackFile } from "../test/harness/run-program";
import { writeSecretFile } from "../test/harness/secret-file";
import { stdoutStyle } from "../test/harness/terminal-style";
import { startMariaDB } from "../test/sandbox/mariadb";
import { startCombellSandbox } from "../test/sandbox/combell";
import { startDbaasSandbox } from "../test/sandbox/dbaas";
import { startPostgres } from "../test/sandbox/postgres";
import { startPterodactylSandbox } from "../test/sandbox/pterodactyl";
import { startServerPilotSandbox } from "../test/sandbox/serverpilot";
import { startWisPanelSandbox } from "../test/sandbox/wispanel";
import { packageRoot } from "../provider/version";

const root = packageRoot();
const runner = join(root, "dist/test/harness/run-program.js");
const program = join(root, "dist/examples/quickstart/index.js");

const exitCodes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof exitCodes;

/** How long a stopped run-program may take to cancel its step, save and stop its plugin. */
const RUN_PROGRAM_PATIENCE_MS = 15_000;

let stopping: StopSignal | undefined;
/** Child processes running now, and how long each may take to stop (undefined: as long as it needs). */
const children = new Map<ChildProcess, number | undefined>();
/** What was set up, to undo last first. */
const cleanups: (() => unknown)[] = [];
let tornDown: Promise<void> | undefined;

class Stopping extends Error {}

/** Between steps: nothing new is started once a signal came. */
function checkpoint(): void {
  if (stopping) throw new Stopping(`stopped by ${stopping}`);
}

function run(command: string, args: string[], patienceMs?: number): Promise<number | null> {
  checkpoint();
  // Its own process group: Ctrl-C reaches the quickstart alone, which passes it on exactly once
  // (a run-program that got it twice would not wait for its running step).
  const child = spawn(command, args, { stdio: "inherit", detached: true });
  children.set(child, patienceMs);
  return new Promise<number | null>((resolve) => {
    child.once("error", () => resolve(null));
    child.once("exit", (code) => resolve(code));
  }).finally(() => children.delete(child));
}

/**
 * Passes the stop on (SIGINT as SIGINT, SIGHUP as the SIGTERM every child handles) and waits:
 * the child must have ended before what it uses is taken away.
 */
async function stopChild(child: ChildProcess, patienceMs: number | undefined): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(stopping === "SIGINT" ? "SIGINT" : "SIGTERM");
  if (patienceMs === undefined) return void (await exited);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, patienceMs)));
  if ((await Promise.race([exited.then(() => "exited"), late])) !== "exited") {
    child.kill("SIGKILL");
    await exited;
  }
  clearTimeout(timer);
}

function tearDown(): Promise<void> {
  tornDown ??= (async () => {
    await Promise.all([...children].map(([child, patience]) => stopChild(child, patience)));
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`quickstart: cleaning up: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return tornDown;
}

for (const signal of Object.keys(exitCodes) as StopSignal[]) {
  process.on(signal, () => {
    // A second signal does not wait: the 'exit' handlers still remove the folder and kill MariaDB.
    if (stopping) process.exit(exitCodes[signal]);
    stopping = signal;
    console.error(`\nquickstart: ${signal}: stopping the running step, removing the work folder, stopping the sandboxes, MariaDB and PostgreSQL`);
    void tearDown().finally(() => process.exit(exitCodes[signal]));
  });
}
process.on("exit", () => {
  for (const child of children.keys()) child.kill("SIGTERM");
});

function heading(text: string): void {
  console.log(`\n${stdoutStyle.bold(`== ${text}`)}`);
}

/**
 * One Pulumi operation, in its own process as the CLI would run it. Asynchronous: the sandbox
 * answering the plugin lives in this process.
 */
async function pulumi(operation: "preview" | "up" | "refresh" | "destroy", stackFile: string): Promise<void> {
  checkpoint();
  heading(`pulumi ${operation}${operation === "preview" ? " --diff" : ""}`);
  const code = await run(process.execPath, [runner, operation, program, stackFile], RUN_PROGRAM_PATIENCE_MS);
  checkpoint();
  if (code !== 0) throw new Error(`pulumi ${operation} failed (exit ${code})`);
}

/** Starts something, and registers its undoing before waiting for it, so a signal during the start still undoes it. */
async function setUp<T>(starting: Promise<T>, undo: (started: T) => unknown): Promise<T> {
  checkpoint();
  cleanups.push(async () => {
    const started = await starting.catch(() => undefined);
    if (started !== undefined) await undo(started);
  });
  const started = await starting;
  checkpoint();
  return started;
}

function reveal(value: unknown): unknown {
  return value !== null && typeof value === "object" && "value" in value ? (value as { value: unknown }).value : value;
}

/** An output as the login lines show it: a secret one by its name only, as every secret is masked. */
function shown(outputs: Record<string, unknown>, name: string): string {
  const value = outputs[name];
  return value !== null && typeof value === "object" && "value" in value ? `<${name}>` : String(value);
}

/** Prints the login attempt as a user would type it (password hidden); a refusal fails the quickstart. */
async function showLogin(command: string, what: string, attempt: Promise<boolean>): Promise<void> {
  const loggedIn = await attempt;
  console.log(`${command}: ${loggedIn ? "logged in" : "REFUSED"}`);
  if (!loggedIn) throw new Error(`the credentials of ${what} do not log in`);
}

async function main(): Promise<void> {
  heading("setting up the sandbox");
  // Installing may take a while and must not be cut off half-way: no patience limit.
  if ((await run("bash", [join(root, "scripts/ensure-mariadb.sh")])) !== 0) throw new Error("MariaDB could not be installed");
  checkpoint();
  const mariadb = await setUp(startMariaDB(), (m) => m.stop());
  const sandbox = await setUp(startServerPilotSandbox({ mariadb, actionDelayMs: 300 }), (s) => s.close());
  const reseller = await setUp(startCombellSandbox({ mariadb, jobDurationMs: 600 }), (s) => s.close());
  const gamePanel = await setUp(startPterodactylSandbox({ mode: "panel", mariadb }), (s) => s.close());
  const wispanel = await setUp(startWisPanelSandbox({ mariadb }), (s) => s.close());
  const postgres = await setUp(startPostgres(), (p) => p.stop());
  const dbaas = await setUp(startDbaasSandbox({ mariadb, postgres, redis: false, provisioningMs: 1500 }), (s) => s.close());
  console.log(`MariaDB on 127.0.0.1:${mariadb.port}, PostgreSQL on 127.0.0.1:${postgres.port}`);
  console.log(`sandboxes: ServerPilot ${sandbox.url}, reseller API (Combell) ${reseller.url}, game-server panel ${gamePanel.url}, WisPanel ${wispanel.url}, DBaaS ${dbaas.url}`);
  const work = mkdtempSync(join(tmpdir(), "hosting-quickstart-"));
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  cleanups.push(removeWork);
  process.on("exit", removeWork);
  const stackFile = join(work, "stack.json");
  const password = () => randomBytes(12).toString("base64url");
  const stack: StackFile = {
    project: "quickstart",
    stack: "dev",
    config: {
      "hosting:serverpilotClientId": sandbox.clientId,
      "hosting:serverpilotApiKey": sandbox.apiKey,
      "hosting:serverpilotEndpoint": sandbox.url,
      "quickstart:sysuserPassword": password(),
      "quickstart:wordpressPassword": password(),
      "quickstart:databasePassword": password(),
      "hosting:combellApiKey": reseller.apiKey,
      "hosting:combellApiSecret": reseller.apiSecret,
      "hosting:combellEndpoint": reseller.url,
      // The reseller API's rule: 8 to 20 letters and digits, at least one of each.
      "quickstart:shopDatabasePassword": `Db${randomBytes(6).toString("hex")}`,
      "quickstart:shopMailboxPassword": `Mb${randomBytes(6).toString("hex")}`,
      "hosting:pterodactylEndpoint": gamePanel.url,
      "hosting:pterodactylApiKey": gamePanel.apiKey,
      "hosting:wispanelEndpoint": wispanel.url,
      "hosting:wispanelApiToken": wispanel.token,
      // The sandbox's certificate is signed by a CA of its own, as a panel's self-signed one would be.
      "hosting:wispanelCaCertificate": wispanel.ca,
      "quickstart:forumDatabasePassword": password(),
      "hosting:dbaasEndpoint": dbaas.url,
      "hosting:dbaasApiToken": dbaas.token,
      // So that the quickstart's destroy can remove it; a real program keeps the protection.
      "quickstart:protectAnalytics": "false",
    },
    secretConfig: [
      "hosting:serverpilotApiKey",
      "hosting:combellApiSecret",
      "quickstart:sysuserPassword",
      "quickstart:wordpressPassword",
      "quickstart:databasePassword",
      "quickstart:shopDatabasePassword",
      "quickstart:shopMailboxPassword",
      "hosting:pterodactylApiKey",
      "hosting:wispanelApiToken",
      "quickstart:forumDatabasePassword",
      "hosting:dbaasApiToken",
    ],
    resources: [],
    outputs: {},
  };
  writeSecretFile(stackFile, JSON.stringify(stack, null, 2));

  await pulumi("preview", stackFile);
  await pulumi("up", stackFile);

  const outputs = (JSON.parse(readFileSync(stackFile, "utf8")) as StackFile).outputs;
  heading("logging in to MariaDB and PostgreSQL with each database's outputs");
  const user = reveal(outputs.databaseUser) as string;
  await showLogin(`mysql -u ${shown(outputs, "databaseUser")} -p*** ${outputs.databaseName}`, "the ServerPilot database", mariadb.canLogin(user, reveal(outputs.databasePassword) as string, outputs.databaseName as string));
  const shopUser = outputs.shopDatabaseUser as string;
  const shopDatabase = outputs.shopDatabaseName as string;
  await showLogin(`mysql -h ${outputs.shopDatabaseHost} -u ${shown(outputs, "shopDatabaseUser")} -p*** ${shopDatabase}`, "the reseller database", mariadb.canLogin(shopUser, reveal(outputs.shopDatabasePassword) as string, shopDatabase));
  const gameUser = reveal(outputs.gameDatabaseUser) as string;
  const gamePassword = reveal(outputs.gameDatabasePassword) as string;
  await showLogin(`mysql -u ${shown(outputs, "gameDatabaseUser")} -p*** ${outputs.gameDatabaseName}`, "the game server's database", mariadb.canLogin(gameUser, gamePassword, outputs.gameDatabaseName as string));
  const forumUser = outputs.forumDatabaseUser as string;
  const forumPassword = stack.config["quickstart:forumDatabasePassword"];
  await showLogin(`mysql -u ${shown(outputs, "forumDatabaseUser")} -p*** ${outputs.forumDatabaseName}`, "the WisPanel database", mariadb.canLogin(forumUser, forumPassword, outputs.forumDatabaseName as string));
  const analyticsUser = reveal(outputs.analyticsUser) as string;
  const analyticsDatabase = reveal(outputs.analyticsDatabase) as string;
  await showLogin(
    `psql -h ${shown(outputs, "analyticsHost")} -p ${shown(outputs, "analyticsPort")} -U ${shown(outputs, "analyticsUser")} ${shown(outputs, "analyticsDatabase")}`,
    "the DBaaS database",
    postgres.canLogin(analyticsUser, reveal(outputs.analyticsPassword) as string, analyticsDatabase),
  );

  const mailbox = reseller.store.mailboxes.get(outputs.shopMailboxLogin as string);
  console.log(`mailbox ${outputs.shopMailboxLogin}: ${mailbox ? `created, auto-reply "${mailbox.auto_reply.subject}"` : "MISSING"}`);
  if (!mailbox) throw new Error("the reseller mailbox was not created");

  checkpoint();
  heading("changing the program: PHP 8.3, the firewall off, a shorter TTL for app.shop.example.com, a new password for the game server's database");
  const changed = JSON.parse(readFileSync(stackFile, "utf8")) as StackFile;
  changed.config["quickstart:phpRuntime"] = "php8.3";
  changed.config["quickstart:firewall"] = "false";
  changed.config["quickstart:shopTtl"] = "600";
  changed.config["quickstart:gamePasswordRotation"] = "rotated";
  writeSecretFile(stackFile, JSON.stringify(changed, null, 2));
  await pulumi("preview", stackFile);
  await pulumi("up", stackFile);

  heading("logging in to the game server's database with its new and its old password");
  const rotated = reveal((JSON.parse(readFileSync(stackFile, "utf8")) as StackFile).outputs.gameDatabasePassword) as string;
  await showLogin(`mysql -u ${shown(outputs, "gameDatabaseUser")} -p<new password> ${outputs.gameDatabaseName}`, "the rotated game database password", mariadb.canLogin(gameUser, rotated, outputs.gameDatabaseName as string));
  const oldStillWorks = await mariadb.canLogin(gameUser, gamePassword, outputs.gameDatabaseName as string);
  console.log(`mysql -u ${shown(outputs, "gameDatabaseUser")} -p<old password> ${outputs.gameDatabaseName}: ${oldStillWorks ? "LOGGED IN" : "refused"}`);
  if (oldStillWorks) throw new Error("the game database's old password still logs in after the rotation");

  heading("someone turns the firewall back on in the ServerPilot panel, and points app.shop.example.com elsewhere in Combell's");
  for (const server of sandbox.store.servers.values()) server.firewall = true;
  for (const record of reseller.store.dnsZones.get("shop.example.com")?.values() ?? []) {
    if (record.type === "A" && record.record_name === "app") record.content = "198.51.100.99";
  }
  await pulumi("refresh", stackFile);
  await pulumi("preview", stackFile);
  await pulumi("up", stackFile);

  await pulumi("destroy", stackFile);
  const left = [...Object.values(sandbox.store)].reduce((n, m) => n + (m as Map<string, unknown>).size, 0) - sandbox.store.actions.size;
  const databasesLeft = [
    await mariadb.databaseExists("blogdb"),
    await mariadb.databaseExists(shopDatabase),
    await mariadb.databaseExists(outputs.gameDatabaseName as string),
    await mariadb.databaseExists(outputs.forumDatabaseName as string),
    await postgres.databaseExists(analyticsDatabase),
  ].filter(Boolean).length;
  const panelsLeft = gamePanel.store.databases.size + wispanel.store.size + dbaas.store.size;
  // The zone's own records (the hosting's A records, its MX) stay with the account; the program's go.
  const mailboxesLeft = reseller.store.mailboxes.size;
  const shopRecords = [...(reseller.store.dnsZones.get("shop.example.com")?.values() ?? [])].filter(
    (r) => r.record_name === "app" || r.service === "_sip" || r.content === "v=spf1 mx -all",
  );
  console.log(
    `\nLeft behind: ${left} ServerPilot resources, ${shopRecords.length} of the program's DNS records, ${mailboxesLeft} mailbox(es), ` +
      `${panelsLeft} database(s) in the game-server panel, WisPanel and DBaaS, ${databasesLeft} MariaDB or PostgreSQL database(s).`,
  );
  console.log(`The reseller account stays: its API cannot delete accounts (${reseller.store.accounts.size} account in the sandbox).`);
  if (left > 0 || databasesLeft > 0 || panelsLeft > 0 || shopRecords.length > 0 || mailboxesLeft > 0) throw new Error("destroy left resources behind");
  console.log("\nQuickstart complete.");
}

main()
  .then(
    () => tearDown().then(() => process.exit(0)),
    async (error) => {
      // A signal's own handler tears down and sets the exit code.
      if (stopping) return;
      console.error(`\nquickstart failed: ${error instanceof Error ? error.message : String(error)}`);
      await tearDown();
      process.exit(1);
    },
  );
