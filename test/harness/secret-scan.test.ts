// The scan over a whole test run: what counts as a secret, the forms it finds one in, and a run
// that fails when a secret is planted in what it saw.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/version";
import { SCAN_DIR_VARIABLE, type RecordedSecret } from "./scan-record";
import { scanForSecrets, secretsToFind } from "./secret-scan";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scanDir(secrets: RecordedSecret[], lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "secret-scan-test-"));
  folders.push(dir);
  writeFileSync(join(dir, "secrets-1.secrets.jsonl"), secrets.map((s) => JSON.stringify(s)).join("\n"));
  writeFileSync(join(dir, "plugin-1.seen.txt"), lines.map((line) => `engine log\t${line}`).join("\n"));
  return dir;
}

describe("what counts as a secret", () => {
  it("a declared secret always; a value seen only inside a secret wrapper until it shows as a plain input or answer; nothing configured in plain", () => {
    const found = secretsToFind([
      { origin: "Configure key", value: "declared-key" },
      { origin: "Check news name (secret)", value: "wrapped-only", weak: true },
      { origin: "Check news runtime (secret)", value: "php8.3", weak: true },
      { origin: "", value: "php8.3", public: true },
      { origin: "", value: "declared-key", public: true },
      { origin: "Create host (declared secret)", value: "127.0.0.1" },
      { origin: "", value: "127.0.0.1", configured: true },
      { origin: "Create apikey (declared secret)", value: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
      { origin: "short", value: "abc" },
    ]);
    expect(Object.fromEntries(found)).toEqual({ "declared-key": "Configure key", "wrapped-only": "Check news name (secret)" });
  });
});

describe("the scan", () => {
  it("finds a secret as is, JSON-escaped and URL-encoded, naming the file, the line and the secret's origin", () => {
    const value = 'pa"ss/wo rd';
    const dir = scanDir([{ origin: "Pterodactyl sandbox: a password", value }], ["nothing here", `as is ${value}`, `{"m":${JSON.stringify(value)}}`, `GET /x?p=${encodeURIComponent(value)}`, "[secret]"]);
    const { findings } = scanForSecrets(dir);
    expect(findings).toEqual([2, 3, 4].map((line) => ({ file: "plugin-1.seen.txt", line, seenIn: "engine log", secret: "Pterodactyl sandbox: a password" })));
  });

  it("reads a megabyte against a thousand secrets quickly", () => {
    const secrets = Array.from({ length: 1000 }, (_, i) => ({ origin: `secret ${i}`, value: randomBytes(12).toString("base64url") }));
    const lines = Array.from({ length: 10_000 }, (_, i) => `Create urn:pulumi:test::test::hosting:dbaas:Database::db${i} {"name":"db${i}","password":"[secret]","status":"running"}`);
    const dir = scanDir(secrets, lines);
    const started = performance.now();
    const { findings, bytes } = scanForSecrets(dir);
    expect(findings).toEqual([]);
    expect(bytes).toBeGreaterThan(1e6);
    // Generous: the scan over a full run's few megabytes must stay well under the 10 s it may add.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("a test run", () => {
  const run = (plant: boolean) => {
    const dir = mkdtempSync(join(tmpdir(), "secret-scan-run-"));
    folders.push(dir);
    const key = `planted-${randomBytes(12).toString("hex")}`;
    const result = spawnSync(process.execPath, [join(packageRoot(), "node_modules/vitest/vitest.mjs"), "run", "--config", "test/harness/fixtures/planted-leak.vitest.mts"], {
      cwd: packageRoot(),
      env: { ...process.env, [SCAN_DIR_VARIABLE]: dir, PLANTED_KEY: key, PLANT_LEAK: plant ? "1" : "", NO_COLOR: "1" },
      encoding: "utf8",
    });
    return { ...result, key, dir, output: `${result.stdout}${result.stderr}` };
  };

  // The run without a plant is every other run of the suite: it passes.
  it("fails when a secret is planted in what it saw, naming the file, the line and the secret, never the value", () => {
    const planted = run(true);
    expect(planted.status).toBe(1);
    const file = readdirSync(planted.dir).find((name) => name.startsWith("planted-"))!;
    expect(planted.output).toContain(`${join(planted.dir, file)}:2 (engine log info): the secret from Configure hosting:config:serverpilotApiKey`);
    expect(planted.output).not.toContain(planted.key);
  }, 60_000);
});
