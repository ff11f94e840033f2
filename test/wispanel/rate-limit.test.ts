// A program of 100 databases against the sandbox's 60 requests per window and token (a short
// window here, so the test takes seconds, not minutes): the client keeps within the window the
// panel reports in X-RateLimit-* (Reset as a Unix timestamp), so the panel never answers 429 and
// the program finishes, up and destroy, with no rate-limit error reaching the user.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { StackFile } from "../harness/run-program";
import { writeSecretFile } from "../harness/secret-file";
import { startMariaDB, type MariaDB } from "../sandbox/mariadb";
import { startWisPanelSandbox, type WisPanelSandbox } from "../sandbox/wispanel";
import { packageRoot } from "../../provider/version";

const COUNT = 100;
const WINDOW_MS = 2000;

let mariadb: MariaDB;
let sandbox: WisPanelSandbox;
let work: string;

beforeAll(async () => {
  mariadb = await startMariaDB();
  sandbox = await startWisPanelSandbox({ mariadb, rateLimit: { limit: 60, windowMs: WINDOW_MS } });
  work = mkdtempSync(join(tmpdir(), "wispanel-many-"));
});

afterAll(async () => {
  await sandbox?.close();
  await mariadb?.stop();
  rmSync(work, { recursive: true, force: true });
});

function pulumi(operation: "up" | "destroy"): Promise<{ code: number | null; output: string }> {
  const runner = join(packageRoot(), "dist/test/harness/run-program.js");
  const child = spawn(process.execPath, [runner, operation, join(work, "index.js"), join(work, "stack.json")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

it(`creates and destroys ${COUNT} databases without the panel ever answering 429`, async () => {
  const sdk = join(packageRoot(), "dist/sdk/nodejs");
  writeFileSync(
    join(work, "index.js"),
    `const hosting = require(${JSON.stringify(sdk)});\n` +
      `for (let i = 0; i < ${COUNT}; i++) new hosting.wispanel.Database("db" + i, { name: "many" + i, user: "many" + i, password: "Passw0rd-" + i });\n`,
  );
  const stack: StackFile = {
    project: "many",
    stack: "dev",
    config: { "hosting:wispanelEndpoint": sandbox.url, "hosting:wispanelApiToken": sandbox.token, "hosting:wispanelCaCertificate": sandbox.ca },
    secretConfig: ["hosting:wispanelApiToken"],
    resources: [],
    outputs: {},
  };
  writeSecretFile(join(work, "stack.json"), JSON.stringify(stack, null, 2));

  const started = Date.now();
  const up = await pulumi("up");
  const upMs = Date.now() - started;
  expect(up.code, up.output).toBe(0);
  expect(up.output).toMatch(new RegExp(`Resources: ${COUNT} create`));
  expect(sandbox.store.size).toBe(COUNT);
  expect(await mariadb.canLogin(`john_many${COUNT - 1}`, `Passw0rd-${COUNT - 1}`, `john_many${COUNT - 1}`)).toBe(true);
  const upRequests = sandbox.requests.length;
  // Two requests a database (the create, then the read of what it became): several windows' worth.
  expect(upRequests).toBeGreaterThanOrEqual(2 * COUNT);
  expect(upMs).toBeGreaterThanOrEqual(((2 * COUNT) / 60 - 1) * WINDOW_MS - 1000);

  const destroy = await pulumi("destroy");
  expect(destroy.code, destroy.output).toBe(0);
  expect(sandbox.store.size).toBe(0);
  expect(await mariadb.databaseExists("john_many0")).toBe(false);

  // No 429 reaches the user. The panel itself may refuse a rare request at a window's edge
  // (seen once in 300 on a fresh clone), which the client waits out and sends again.
  const refused = sandbox.requests.filter((r) => r.status === 429);
  expect(refused.length).toBeLessThanOrEqual(2);
  expect(sandbox.requests.length).toBeGreaterThanOrEqual(3 * COUNT);
  for (const output of [up.output, destroy.output]) expect(output).not.toMatch(/429|Too Many Requests|rate limited by/i);
  console.log(`${COUNT} databases: up ${upMs} ms (${upRequests} requests), destroy ${Date.now() - started - upMs} ms, 60 per ${WINDOW_MS} ms, ${refused.length} refused with 429 by the panel`);
}, 240_000);
