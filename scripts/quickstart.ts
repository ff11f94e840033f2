// The quickstart: takes examples/quickstart through preview, up, a change, up again, refresh
// and destroy against the built-in sandbox (a local ServerPilot API backed by real MariaDB),
// printing what each step does, and shows that the database credentials really log in.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StackFile } from "../test/harness/run-program";
import { startMariaDB } from "../test/sandbox/mariadb";
import { startServerPilotSandbox } from "../test/sandbox/serverpilot";
import { packageRoot } from "../provider/version";

const root = packageRoot();
const runner = join(root, "dist/test/harness/run-program.js");
const program = join(root, "dist/examples/quickstart/index.js");

function heading(text: string): void {
  console.log(`\n\x1b[1m== ${text}\x1b[0m`);
}

/**
 * One Pulumi operation, in its own process as the CLI would run it. Asynchronous: the sandbox
 * answering the plugin lives in this process.
 */
async function pulumi(operation: "preview" | "up" | "refresh" | "destroy", stackFile: string): Promise<void> {
  heading(`pulumi ${operation}${operation === "preview" ? " --diff" : ""}`);
  const child = spawn(process.execPath, [runner, operation, program, stackFile], { stdio: "inherit" });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`pulumi ${operation} failed (exit ${code})`);
}

function reveal(value: unknown): unknown {
  return value !== null && typeof value === "object" && "value" in value ? (value as { value: unknown }).value : value;
}

async function main(): Promise<void> {
  heading("setting up the sandbox");
  execFileSync("bash", [join(root, "scripts/ensure-mariadb.sh")], { stdio: "inherit" });
  const mariadb = await startMariaDB();
  const sandbox = await startServerPilotSandbox({ mariadb, actionDelayMs: 300 });
  console.log(`MariaDB on 127.0.0.1:${mariadb.port}; ServerPilot sandbox at ${sandbox.url}`);
  const work = mkdtempSync(join(tmpdir(), "hosting-quickstart-"));
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
    },
    secretConfig: ["hosting:serverpilotApiKey", "quickstart:sysuserPassword", "quickstart:wordpressPassword", "quickstart:databasePassword"],
    resources: [],
    outputs: {},
  };
  writeFileSync(stackFile, JSON.stringify(stack, null, 2));
  try {
    await pulumi("preview", stackFile);
    await pulumi("up", stackFile);

    const outputs = (JSON.parse(readFileSync(stackFile, "utf8")) as StackFile).outputs;
    heading("logging in to MariaDB with the database outputs");
    const user = reveal(outputs.databaseUser) as string;
    const loggedIn = await mariadb.canLogin(user, reveal(outputs.databasePassword) as string, outputs.databaseName as string);
    console.log(`mysql -u ${user} -p*** ${outputs.databaseName}: ${loggedIn ? "logged in" : "REFUSED"}`);
    if (!loggedIn) throw new Error("the database credentials from the outputs do not log in");

    heading("changing the program: PHP 7.2 and the firewall off");
    const changed = JSON.parse(readFileSync(stackFile, "utf8")) as StackFile;
    changed.config["quickstart:phpRuntime"] = "php8.3";
    changed.config["quickstart:firewall"] = "false";
    writeFileSync(stackFile, JSON.stringify(changed, null, 2));
    await pulumi("preview", stackFile);
    await pulumi("up", stackFile);

    heading("someone turns the firewall back on in the ServerPilot panel");
    for (const server of sandbox.store.servers.values()) server.firewall = true;
    await pulumi("refresh", stackFile);
    await pulumi("preview", stackFile);
    await pulumi("up", stackFile);

    await pulumi("destroy", stackFile);
    const left = [...Object.values(sandbox.store)].reduce((n, m) => n + (m as Map<string, unknown>).size, 0) - sandbox.store.actions.size;
    const databaseLeft = await mariadb.databaseExists("blogdb");
    console.log(`\nLeft behind: ${left} ServerPilot resources, ${databaseLeft ? "the" : "no"} MariaDB database.`);
    if (left > 0 || databaseLeft) throw new Error("destroy left resources behind");
    console.log("\nQuickstart complete.");
  } finally {
    await sandbox.close();
    await mariadb.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`\nquickstart failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
