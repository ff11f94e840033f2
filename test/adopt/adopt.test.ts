// `hosting-adopt` against every sandbox: each account is populated through the plugin, scanned
// by the command (in-process), and every entry of the import file it writes is imported through
// the real plugin, which must find the program's inputs equal to what it reads. The programs it
// writes type-check against the SDK and preview with no changes over the imported state.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Adoption } from "../../provider/adopt/adopt";
import type { Adopted } from "../../provider/adopt/adopted";
import { adoptCommand } from "../../provider/adopt/main";
import { adoptableModules, resourcesOf } from "../../provider/adopt/scan";
import { packageRoot } from "../../provider/version";
import { Deployment, type ResourceState } from "../harness/deployment";
import type { Props } from "../harness/plugin";
import type { StackFile } from "../harness/run-program";
import { ScanRecord } from "../harness/scan-record";
import { writeSecretFile } from "../harness/secret-file";
import { secret } from "../support/secrets";
import { PASSWORD, startAdoptWorld, type AdoptWorld } from "./world";

const ROOT = packageRoot();
const MODULES = ["serverpilot", "combell", "pterodactyl", "wispanel", "dbaas"];

let world: AdoptWorld;
let dir: string;
const runs = new Map<string, { code: number; lines: string[]; adoption?: Adoption; requestsFrom: number }>();

/** Runs the command in-process as `npx hosting-adopt <args>` would, in `dir`. */
async function command(args: string[], env: Record<string, string> = world.env) {
  const lines: string[] = [];
  const { code, adoption } = await adoptCommand(args, env, { line: (text) => lines.push(text), answer: (text) => lines.push(text) }, dir);
  const record = ScanRecord.open("adopt");
  record.text(`hosting-adopt ${args.join(" ")}`, lines.join("\n"));
  record.close();
  return { code, lines, adoption };
}

const sandboxOf = (module: string) => world[module as "serverpilot"];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hosting-adopt-"));
  world = await startAdoptWorld();
  for (const module of MODULES) {
    const requestsFrom = sandboxOf(module).requests.length;
    const run = await command([module, "--out", `${module}.json`, "--program", `${module}.ts`, "--sdk", join(ROOT, "sdk/nodejs")]);
    runs.set(module, { ...run, requestsFrom });
    // What the command wrote is plain text on the user's disk: the secret scan reads it too.
    const record = ScanRecord.open("adopt");
    for (const file of [`${module}.json`, `${module}.ts`]) record.text(`hosting-adopt ${module}: ${file}`, readFileSync(join(dir, file), "utf8"));
    record.close();
  }
}, 60_000);

afterAll(async () => {
  await world?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const importFileOf = (module: string) => JSON.parse(readFileSync(join(dir, `${module}.json`), "utf8")) as { resources: { type: string; name: string; id: string }[] };

describe("hosting-adopt", () => {
  it("knows the five APIs", () => {
    expect(adoptableModules().sort()).toEqual([...MODULES].sort());
  });

  it.each(MODULES)("finds every kind %s has, with GET requests only, and says so kind by kind", (module) => {
    const run = runs.get(module)!;
    expect(run.code, run.lines.join("\n")).toBe(0);
    const file = importFileOf(module);
    const kinds = resourcesOf(module).map((r) => r.token);
    expect(new Set(file.resources.map((r) => r.type))).toEqual(new Set(kinds));
    // One progress line per kind, with its count.
    for (const token of kinds) {
      const count = file.resources.filter((r) => r.type === token).length;
      expect(run.lines).toContainEqual(expect.stringMatching(new RegExp(`^${module}: ${count} [a-z ]+$`)));
    }
    const methods = new Set(sandboxOf(module).requests.slice(run.requestsFrom).map((r) => r.method));
    expect([...methods]).toEqual(["GET"]);
    // Names are unique within each type.
    for (const token of kinds) {
      const names = file.resources.filter((r) => r.type === token).map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("names resources after what the API calls them, telling equal ones apart in the order of their ids", () => {
    const names = (module: string, type: string) =>
      importFileOf(module)
        .resources.filter((r) => r.type === type)
        .map((r) => r.name)
        .sort();
    expect(names("combell", "hosting:combell:DnsRecord")).toEqual(expect.arrayContaining(["shop-example-com-www-a", "shop-example-com-www-a-2", "brand-new-be-txt"]));
    expect(names("combell", "hosting:combell:Mailbox")).toEqual(["info-shop-example-com"]);
    expect(names("combell", "hosting:combell:Subsite")).toEqual(["shop-example-com-blog-shop-example-com"]);
    expect(names("wispanel", "hosting:wispanel:Database")).toEqual(["mydb"]);
    expect(names("pterodactyl", "hosting:pterodactyl:ServerDatabase")).toEqual(["stats", "stats-2"]);
    // ServerPilot makes a "serverpilot" user on every server.
    expect(names("serverpilot", "hosting:serverpilot:SysUser")).toEqual(["deployer", "serverpilot"]);
    // The first of two equal names goes to the smaller id.
    const www = importFileOf("combell").resources.filter((r) => r.name.startsWith("shop-example-com-www-a"));
    expect(www.find((r) => r.name === "shop-example-com-www-a")!.id < www.find((r) => r.name.endsWith("-2"))!.id).toBe(true);
  });

  it("tells which secrets to set, and writes none of them", () => {
    const lines = runs.get("serverpilot")!.lines.join("\n");
    expect(lines).toContain("pulumi config set --secret databaseBlogdbUserPassword <value>");
    expect(runs.get("combell")!.lines.join("\n")).toMatch(/pulumi config set --secret mysqlDatabaseShopdbPassword <value>/);
    for (const module of MODULES) {
      for (const file of [`${module}.json`, `${module}.ts`]) expect(readFileSync(join(dir, file), "utf8")).not.toContain(PASSWORD);
    }
    const program = readFileSync(join(dir, "serverpilot.ts"), "utf8");
    expect(program).toContain(`password: config.requireSecret("databaseBlogdbUserPassword")`);
    // Not a secret, but the API never shows it once the mailbox exists.
    expect(runs.get("combell")!.lines.join("\n")).toContain("pulumi config set mailboxInfoShopExampleComAccountId <value>");
  });

  it("writes programs whose resources refer to each other rather than repeat ids", () => {
    const serverpilot = readFileSync(join(dir, "serverpilot.ts"), "utf8");
    expect(serverpilot).toContain("serverId: serverWeb1.id,");
    expect(serverpilot).toContain("sysuserId: sysUserDeployer.id,");
    expect(serverpilot).toContain("appId: appBlog.id,");
    const combell = readFileSync(join(dir, "combell.ts"), "utf8");
    expect(combell).toContain("accountId: accountShopExampleCom.id.apply(Number),");
    expect(combell).toContain("domainName: domainBrandNewBe.domainName,");
    expect(combell).toMatch(/new hosting\.combell\.DnsRecord\("brand-new-be-txt", \{[^}]*\}, \{ protect: true \}\)/);
  });

  it("imports every entry of each file through the plugin with no diff against the program's inputs", async () => {
    const deployment = new Deployment(world.plugin, "dev", "adopted");
    for (const module of MODULES) {
      const adoption = runs.get(module)!.adoption!;
      const file = importFileOf(module);
      expect(file.resources).toHaveLength(adoption.resources.length);
      for (const entry of file.resources) {
        const resource = adoption.resources.find((r) => r.resource.token === entry.type && r.name === entry.name)!;
        const step = await deployment.import(entry.type, entry.name, entry.id, programInputs(resource, adoption));
        expect({ entry, changes: step.diff!.changes, diff: step.diff!.detailedDiff }).toEqual({ entry, changes: false, diff: {} });
      }
    }
    stack = [...deployment.state.values()];
  });

  it("writes programs that type-check against the SDK", () => {
    const program = ts.createProgram(
      MODULES.map((m) => join(dir, `${m}.ts`)),
      {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        lib: ["lib.es2022.d.ts"],
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        esModuleInterop: true,
        skipLibCheck: true,
        types: [],
        paths: { "*": [join(ROOT, "node_modules/*")] },
      },
    );
    // The programs' own diagnostics, and the SDK's only as far as they use it: the SDK itself
    // is type-checked with the rest of the package.
    const problems = MODULES.flatMap((m) => ts.getPreEmitDiagnostics(program, program.getSourceFile(join(dir, `${m}.ts`))))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  }, 30_000);

  it("writes programs that preview with no changes over what was imported", async () => {
    expect(stack.length).toBeGreaterThan(0);
    const parts = MODULES.map((module) => {
      const source = runs.get(module)!.adoption!.program({ sdk: join(ROOT, "dist/sdk/nodejs"), importIds: false });
      writeFileSync(join(dir, `${module}.js`), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
      return `require("./${module}.js");`;
    });
    writeFileSync(join(dir, "index.js"), parts.join("\n"));
    const configured = MODULES.flatMap((m) => runs.get(m)!.adoption!.config.map((c) => ({ ...c, value: configValue(c.resource, c.path, runs.get(m)!.adoption!) })));
    const secretKeys = configured.filter((c) => c.secret).map((c) => `adopted:${c.key}`);
    const hostingConfig = Object.fromEntries(Object.entries(world.config).map(([k, v]) => [k.replace("hosting:config:", "hosting:"), v]));
    const stackFile: StackFile = {
      project: "adopted",
      stack: "dev",
      config: { ...hostingConfig, ...Object.fromEntries(configured.map((c) => [`adopted:${c.key}`, String(c.value)])) },
      secretConfig: [...secretKeys, ...Object.keys(hostingConfig).filter((k) => /Key|Secret|Token/.test(k))],
      resources: stack,
      outputs: {},
    };
    writeSecretFile(join(dir, "stack.json"), JSON.stringify(stackFile, null, 2));
    const { code, output } = await run(process.execPath, [join(ROOT, "dist/test/harness/run-program.js"), "preview", join(dir, "index.js"), join(dir, "stack.json")], {
      NODE_PATH: join(ROOT, "node_modules"),
    });
    expect(code, output).toBe(0);
    const total = MODULES.reduce((n, m) => n + runs.get(m)!.adoption!.resources.length, 0);
    expect(output).toContain(`Resources: ${total} same`);
  }, 30_000);
});

describe("hosting-adopt's command line", () => {
  it("runs as the package's bin, end to end", async () => {
    const { code, output, stdout, stderr } = await run(join(ROOT, "bin/hosting-adopt"), ["wispanel", "--out", join(dir, "bin.json")], world.env);
    expect(code, output).toBe(0);
    // Progress on stderr; the answer, what to do next, alone on stdout.
    expect(stderr).toContain("wispanel: 1 database");
    expect(stdout).not.toContain("wispanel: 1 database");
    expect(stdout).toMatch(/^wrote .*bin\.json: 1 resources/);
    expect(stdout).toContain("pulumi config set --secret databaseMydbPassword <value>");
    expect(JSON.parse(readFileSync(join(dir, "bin.json"), "utf8"))).toEqual(importFileOf("wispanel"));
  }, 15_000);

  it("answers --help on stdout with exit 0, and a command line it does not understand on stderr with exit 2", async () => {
    const help = await run(join(ROOT, "bin/hosting-adopt"), ["--help"], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: hosting-adopt/i);
    expect(help.stderr).toBe("");
    const wrong = await run(join(ROOT, "bin/hosting-adopt"), ["--no-such-flag"], {});
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toMatch(/^hosting-adopt: /);
  }, 15_000);

  it("overwrites no file it did not make, unless --force says so", async () => {
    writeFileSync(join(dir, "mine.ts"), "// the user's own program\n");
    const refused = await command(["wispanel", "--out", "fresh.json", "--program", "mine.ts"]);
    expect(refused.code).toBe(1);
    expect(refused.lines).toEqual(["hosting-adopt: mine.ts already exists: name other files, or pass --force to overwrite"]);
    expect(readFileSync(join(dir, "mine.ts"), "utf8")).toBe("// the user's own program\n");
    const forced = await command(["wispanel", "--out", "fresh.json", "--program", "mine.ts", "--force", "--sdk", join(ROOT, "sdk/nodejs")]);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "mine.ts"), "utf8")).toContain("new hosting.wispanel.Database(");
  });

  it("checks where the files go before it scans, and writes both files or neither", async () => {
    const requestsFrom = world.wispanel.requests.length;
    const noFolder = await command(["wispanel", "--out", "both.json", "--program", "no-folder/both.ts"]);
    expect(noFolder.lines).toEqual(["hosting-adopt: no-folder/both.ts: the folder no-folder does not exist"]);
    expect(noFolder.code).toBe(1);
    const sameFile = await command(["wispanel", "--out", "same.ts", "--program", "same.ts"]);
    expect(sameFile.lines[0]).toMatch(/^hosting-adopt: --out and --program name the same file, same\.ts/);
    mkdirSync(join(dir, "a-folder"));
    const folder = await command(["wispanel", "--out", "a-folder", "--force"]);
    expect(folder.lines).toEqual(["hosting-adopt: a-folder is a folder: name a file"]);
    expect(world.wispanel.requests.length).toBe(requestsFrom);
    expect(["both.json", "same.ts"].filter((file) => existsSync(join(dir, file)))).toEqual([]);
  });

  it("replaces no file that appears while it scans, and leaves neither file then", async () => {
    const lines: string[] = [];
    const appear = (text: string) => {
      if (!existsSync(join(dir, "late.ts"))) writeFileSync(join(dir, "late.ts"), "// the user's own program\n");
      lines.push(text);
    };
    const { code } = await adoptCommand(["wispanel", "--out", "late.json", "--program", "late.ts"], world.env, { line: appear, answer: appear }, dir);
    expect(code).toBe(1);
    expect(lines.at(-1)).toBe("hosting-adopt: cannot write late.ts: it appeared while the account was scanned (pass --force to overwrite it); nothing was written");
    expect(readFileSync(join(dir, "late.ts"), "utf8")).toBe("// the user's own program\n");
    expect(readdirSync(dir).filter((file) => file.includes("late."))).toEqual(["late.ts"]);
  });

  it.each([
    [["wispanel", "--import-ids=true"], "--import-ids takes no value: give it alone to turn it on"],
    [["wispanel", "--out="], "--out needs a value"],
    [["wispanel", "-x"], "unknown flag -x; flags start with --"],
    [["wispanel", "--bogus"], "unknown flag --bogus; WisPanel's credential flags: --request-timeout, --wispanel-endpoint, --wispanel-api-token, --wispanel-ca-certificate"],
    [["--force", "sk-secret-that-lost-its-flag", "wispanel"], "one API at a time: 2 arguments are neither flags nor flags' values"],
  ])("refuses %j with exit 2, naming the rule", async (args, message) => {
    const { code, lines } = await command(args);
    expect(code).toBe(2);
    expect(lines[0]).toBe(`hosting-adopt: ${message}`);
  });

  it("ends quietly when the reader of its answer has gone", async () => {
    const child = spawn(join(ROOT, "bin/hosting-adopt"), ["wispanel", "--out", join(dir, "gone.json")], { env: { PATH: process.env.PATH, ...world.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.once("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 15_000);

  it("names the five APIs when given another", async () => {
    const { code, lines } = await command(["cpanel"]);
    expect(code).toBe(2);
    expect(lines[0]).toBe(`hosting-adopt: unknown API "cpanel": choose one of ${adoptableModules().join(", ")}`);
  });

  it("names the variable and the flag of each missing credential", async () => {
    const { code, lines } = await command(["serverpilot"], { SERVERPILOT_ENDPOINT: world.serverpilot.url });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "hosting-adopt: ServerPilot credentials are missing: set SERVERPILOT_CLIENT_ID (or pass --serverpilot-client-id); set SERVERPILOT_API_KEY (or pass --serverpilot-api-key)",
    ]);
  });

  it("takes credentials as flags, and reports the API's refusal without the secret", async () => {
    const wrong = "sk_wrong_key_0123456789abcdef";
    const { code, lines } = await command(
      ["dbaas", "--dbaas-endpoint", world.dbaas.url, `--dbaas-api-token=${wrong}`, "--out", "refused.json"],
      {},
    );
    expect(code).toBe(1);
    expect(lines.join("\n")).toMatch(/^hosting-adopt: DBaaS: .*401/);
    expect(lines.join("\n")).toMatch(/hosting:dbaasApiToken/);
    expect(lines.join("\n")).not.toContain(wrong);
  });

  it("refuses a flag of another API, naming the ones it takes", async () => {
    const { code, lines } = await command(["wispanel", "--combell-api-key", "x"]);
    expect(code).toBe(2);
    expect(lines[0]).toBe(
      "hosting-adopt: unknown flag --combell-api-key; WisPanel's credential flags: --request-timeout, --wispanel-endpoint, --wispanel-api-token, --wispanel-ca-certificate",
    );
  });
});

let stack: ResourceState[] = [];

/** The inputs the written program sends: what Read returned, with the values the user set in the config. */
function programInputs(resource: Adopted, adoption: Adoption): Props {
  const copy = structuredClone(resource.inputs);
  for (const { path, secret: isSecret } of resource.configInputs) {
    const parts = path.split(".");
    let parent = copy;
    for (const part of parts.slice(0, -1)) parent = parent[part] as Props;
    const value = configValue(resource, path, adoption);
    parent[parts.at(-1)!] = isSecret ? secret(value) : value;
  }
  return copy;
}

/** What a user who made these resources sets: the passwords they chose, the account a mailbox is in. */
function configValue(resource: Adopted, path: string, adoption: Adoption): unknown {
  if (path.endsWith("assword")) return PASSWORD;
  if (resource.resource.token === "hosting:combell:Mailbox" && path === "accountId") {
    return Number(adoption.resources.find((r) => r.resource.token === "hosting:combell:Account")!.id);
  }
  throw new Error(`no value for ${path} of ${resource.resource.token} ${resource.name}`);
}

function run(file: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string; stdout: string; stderr: string }> {
  const child = spawn(file, args, { env: { PATH: process.env.PATH, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let [output, stdout, stderr] = ["", "", ""];
  child.stdout.on("data", (c) => ((output += c), (stdout += c)));
  child.stderr.on("data", (c) => ((output += c), (stderr += c)));
  return new Promise((resolve) =>
    child.once("close", (code) => {
      const record = ScanRecord.open("adopt");
      record.text(`${file} ${args.join(" ")}`, output);
      record.close();
      resolve({ code, output, stdout, stderr });
    }),
  );
}

