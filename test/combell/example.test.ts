// examples/combell runs as written: up creates what it declares against the sandbox, the
// database logs in, and destroy leaves only the account (which the API cannot delete).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { StackFile } from "../harness/run-program";
import { writeSecretFile } from "../harness/secret-file";
import { startCombellSandbox, type CombellSandbox } from "../sandbox/combell";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { reveal } from "../support/secrets";
import { packageRoot } from "../../provider/version";

let mariadb: MariaDB;
let sandbox: CombellSandbox;
let work: string;

beforeAll(async () => {
  mariadb = await startMariaDB();
  sandbox = await startCombellSandbox({ mariadb, jobDurationMs: 100, retryAfterSeconds: 0 });
  work = mkdtempSync(join(tmpdir(), "reseller-example-"));
});

afterAll(async () => {
  await sandbox?.close();
  await mariadb?.stop();
  rmSync(work, { recursive: true, force: true });
});

function pulumi(operation: "up" | "destroy", stackFile: string): Promise<{ code: number | null; output: string }> {
  const runner = join(packageRoot(), "dist/test/harness/run-program.js");
  const program = join(packageRoot(), "dist/examples/combell/index.js");
  const child = spawn(process.execPath, [runner, operation, program, stackFile], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

it("creates an account, five DNS records, a forwarding mailbox and a database that logs in; destroy leaves only the account", async () => {
  const stackFile = join(work, "stack.json");
  const stack: StackFile = {
    project: "reseller",
    stack: "dev",
    config: {
      "hosting:combellApiKey": sandbox.apiKey,
      "hosting:combellApiSecret": sandbox.apiSecret,
      "hosting:combellEndpoint": sandbox.url,
      "reseller:domain": "customer.example.com",
      "reseller:servicepackId": "3001",
      "reseller:databasePassword": "Example123pw",
      "reseller:mailboxPassword": "Mailbox123pw",
    },
    secretConfig: ["hosting:combellApiSecret", "reseller:databasePassword", "reseller:mailboxPassword"],
    resources: [],
    outputs: {},
  };
  writeSecretFile(stackFile, JSON.stringify(stack, null, 2));
  const up = await pulumi("up", stackFile);
  expect(up.code, up.output).toBe(0);
  expect(up.output).toMatch(/Resources: 8 create/);
  const outputs = (JSON.parse(readFileSync(stackFile, "utf8")) as StackFile).outputs;
  expect(await mariadb.canLogin(outputs.databaseUser as string, reveal(outputs.databasePassword), outputs.databaseName as string)).toBe(true);
  expect(sandbox.store.mailboxes.get("info@customer.example.com")?.auto_forward).toEqual({
    enabled: true,
    email_addresses: ["owner@customer.example.com"],
    copy_to_myself: true,
  });
  const zone = sandbox.store.dnsZones.get("customer.example.com")!;
  expect([...zone.values()].map((r) => r.type).sort()).toEqual(expect.arrayContaining(["A", "CAA", "CNAME", "MX", "TXT"]));

  const destroy = await pulumi("destroy", stackFile);
  expect(destroy.code, destroy.output).toBe(0);
  expect(destroy.output).toMatch(/cannot delete accounts/);
  expect(sandbox.store.mysqlDatabases.size).toBe(0);
  expect(sandbox.store.mailboxes.size).toBe(0);
  expect([...zone.values()].some((r) => r.type === "CAA" || r.content === "v=spf1 mx -all")).toBe(false);
  expect(sandbox.store.accounts.size).toBe(1);
}, 120_000);
