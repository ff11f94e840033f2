// What `npm run package` builds, used as a user uses it. The plugin tarball, unpacked into an empty
// folder as `pulumi plugin install resource hosting <version> -f <tarball>` unpacks it and started
// from there as the CLI starts a plugin binary (in the program's folder, nothing of the repository
// within reach), creates and deletes a WisPanel database. The SDK's package, installed into an
// empty project from its tarball, carries the marker the Node language host reads to load the
// plugin, and the examples type-check against it.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot, packageVersion } from "../../provider/version";
import { buildPackages, type Packages } from "../../scripts/package";
import { PLUGIN_EXECUTABLE, pluginTarballName } from "../../scripts/packaging/plugin-tarball";
import { secret } from "../support/secrets";
import { startWisPanelEnvironment, type WisPanelEnvironment } from "../support/wispanel-environment";

const run = promisify(execFile);
const DATABASE = "hosting:wispanel:Database";
const SDK_IMPORT = '"../../sdk/nodejs"';

let work: string;
let packages: Packages;
let pluginDir: string;
let env: WisPanelEnvironment | undefined;
/** `tar --list --verbose` of the plugin tarball: type and mode first, the path last. */
let entries: { mode: string; path: string }[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hosting-package-"));
  packages = await buildPackages(join(work, "dist"));
  pluginDir = join(work, "plugin");
  mkdirSync(pluginDir);
  await run("tar", ["--extract", "--gzip", "--file", packages.plugin.path, "--directory", pluginDir]);
  const listing = (await run("tar", ["--list", "--verbose", "--gzip", "--file", packages.plugin.path], { maxBuffer: 64 << 20 })).stdout;
  entries = listing.trim().split("\n").map((line) => ({ mode: line.split(" ")[0], path: line.split(" ").at(-1)! }));
  const programDir = join(work, "program");
  mkdirSync(programDir);
  env = await startWisPanelEnvironment({}, { command: [join(pluginDir, PLUGIN_EXECUTABLE)], cwd: programDir });
});

afterAll(async () => {
  await env?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the plugin tarball", () => {
  it("is named as the CLI names plugin archives and holds the executable at its root, package.json, the provider and only regular files and folders", () => {
    expect(packages.plugin.path.endsWith(pluginTarballName(packageVersion()))).toBe(true);
    expect(pluginTarballName("1.2.3")).toMatch(/^pulumi-resource-hosting-v1\.2\.3-(linux|darwin|win32)-(amd64|arm64)\.tar\.gz$/);
    // The CLI's unpacking refuses anything but files and folders (links among them).
    expect(entries.filter((e) => !/^[-d]/.test(e.mode))).toEqual([]);
    const executable = entries.find((e) => e.path === PLUGIN_EXECUTABLE);
    expect(executable?.mode).toBe("-rwxr-xr-x");
    expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(["package.json", "dist/provider/plugin.js"]));
    expect(JSON.parse(readFileSync(join(pluginDir, "package.json"), "utf8"))).toMatchObject({ name: "hosting", version: packageVersion() });
    // No PulumiPlugin.yaml: with one, the CLI would run `npm install` at install time.
    expect(entries.filter((e) => /PulumiPlugin\.yaml$|\.map$|\.d\.ts$|^dist\/(?!provider\/|$)|^dist\/.*\.test\.js$/.test(e.path))).toEqual([]);
  });

  it("is lean: the packages the plugin loads, not a whole production install", () => {
    const shipped = new Set(entries.map((e) => e.path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1]).filter(Boolean));
    expect(shipped).toContain("zod");
    expect(shipped).toContain("@pulumi/pulumi");
    expect(shipped).not.toContain("typescript");
    expect(entries.some((e) => e.path.startsWith("node_modules/@pulumi/pulumi/runtime/"))).toBe(false);
    expect(packages.plugin.unpackedBytes).toBeLessThan(packages.plugin.productionInstallBytes / 5);
  });

  it("runs from the folder it was unpacked into, as the CLI runs it: reports its version, then creates and deletes a WisPanel database", async () => {
    expect(env!.plugin.child.spawnargs[0]).toBe(join(pluginDir, PLUGIN_EXECUTABLE));
    expect(await env!.plugin.getPluginInfo()).toBe(packageVersion());
    const d = env!.deployment;
    const created = await d.register(DATABASE, "shop", { name: "shop", user: "shop", password: secret("Pkg-s3cret-Alpha17") });
    const id = created.state!.id;
    expect(await env!.mariadb.databaseExists(id)).toBe(true);
    expect(await env!.mariadb.canLogin(created.state!.outputs.fullUser as string, "Pkg-s3cret-Alpha17", id)).toBe(true);
    await d.delete(d.urn(DATABASE, "shop"));
    expect(await env!.mariadb.databaseExists(id)).toBe(false);
  });
});

describe("the SDK package", () => {
  it("installs from its tarball with the plugin marker, and the examples type-check against it (a wrong argument does not)", async () => {
    const project = join(work, "sdk-user");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "sdk-user", private: true }));
    // The program's own @pulumi/pulumi (the SDK's peer) and @pulumi/mysql (the mysql-grants
    // example's) are the repository's: no registry needed.
    await run("npm", ["install", "--offline", "--legacy-peer-deps", "--ignore-scripts", "--no-audit", "--no-fund", packages.sdk.path], { cwd: project });
    mkdirSync(join(project, "node_modules/@pulumi"), { recursive: true });
    for (const own of ["pulumi", "mysql"]) symlinkSync(realpathSync(join(packageRoot(), `node_modules/@pulumi/${own}`)), join(project, `node_modules/@pulumi/${own}`));

    const installed = JSON.parse(readFileSync(join(project, "node_modules/@hosting/pulumi/package.json"), "utf8"));
    expect(installed.pulumi).toEqual({ resource: true, name: "hosting", version: packageVersion() });
    expect(installed.version).toBe(packageVersion());

    const examples = readdirSync(join(packageRoot(), "examples"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const programs = examples.map((name) => {
      const source = readFileSync(join(packageRoot(), "examples", name, "index.ts"), "utf8");
      expect(source).toContain(SDK_IMPORT);
      const path = join(project, name, "index.ts");
      mkdirSync(dirname(path));
      writeFileSync(path, source.replaceAll(SDK_IMPORT, '"@hosting/pulumi"'));
      return path;
    });
    const wrong = join(project, "wrong.ts");
    writeFileSync(wrong, `import * as hosting from "@hosting/pulumi";\nnew hosting.wispanel.Database("db", { name: 42, user: "u", password: "p" });\n`);

    const program = ts.createProgram([...programs, wrong], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      types: ["node"],
      typeRoots: [join(packageRoot(), "node_modules/@types")],
      skipLibCheck: true,
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(errors.filter((e) => !e.startsWith(wrong))).toEqual([]);
    expect(errors.filter((e) => e.startsWith(wrong)).join("\n")).toMatch(/Type 'number' is not assignable to type 'Input<string>'/);
  });
});
