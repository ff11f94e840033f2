// The plugin as `pulumi plugin install resource hosting <version> -f <tarball>` installs it. The
// CLI unpacks the tarball into its plugin folder (regular files and folders only, modes kept) and
// runs `pulumi-resource-hosting` from there; only when that executable is missing does it read a
// PulumiPlugin.yaml, and with `runtime: nodejs` it would also run `npm install` at install time
// and start the plugin through the Node language host, far slower. So the tarball holds the
// executable at its root, package.json, the compiled provider and the packages it loads.
import { execFile } from "node:child_process";
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { packageRoot } from "../../provider/version";
import { copyCompiledProvider } from "./compiled-provider";
import { productionInstall } from "./production-install";
import { pruneUnused, sizeOf } from "./prune";
import { reachablePackages, type PackageParts } from "./reachable-packages";

const run = promisify(execFile);

export const PLUGIN_EXECUTABLE = "pulumi-resource-hosting";

export interface PluginTarball {
  path: string;
  /** The compressed tarball. */
  bytes: number;
  /** What a plain production install (`npm ci --omit=dev`) and the compiled provider would take. */
  productionInstallBytes: number;
  /** The packages the plugin loads, whole, before the files Node never loads are removed. */
  reachableBytes: number;
  /** What the tarball unpacks to. */
  unpackedBytes: number;
}

/** Pulumi's names for the platform, as in its plugin archives' names (linux-amd64, darwin-arm64). */
export function platformName(): string {
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string] ?? process.arch;
  return `${process.platform}-${arch}`;
}

export function pluginTarballName(version: string): string {
  return `${PLUGIN_EXECUTABLE}-v${version}-${platformName()}.tar.gz`;
}

/** The executable the CLI runs: it loads package.json's `main`, as the Node language host would. */
function launcher(main: string): string {
  return [
    "#!/usr/bin/env node",
    "// The hosting plugin, as the Pulumi CLI runs it from its plugin folder.",
    `require(${JSON.stringify(`./${main}`)});`,
    "",
  ].join("\n");
}

/** The package.json fields the installed plugin reads (name and version) or a reader needs. */
function runtimeManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const { name, version, description, license, private: isPrivate, main, engines } = manifest;
  return { name, version, description, license, private: isPrivate, main, engines };
}

/** A package's parts the plugin reaches, with its package.json and licenses. */
function copyPackage(packageDir: string, parts: PackageParts, target: string): void {
  // A nested node_modules holds other packages: each is copied only when reachable itself.
  const nested = join(packageDir, "node_modules");
  const copy = (name: string) =>
    cpSync(join(packageDir, name), join(target, name), { recursive: true, dereference: true, filter: (source) => source !== nested });
  if (parts === "whole") return copy(".");
  for (const entry of readdirSync(packageDir, { withFileTypes: true })) {
    if (parts.has(entry.name) || (entry.isFile() && /^(?:package\.json|licen[cs]e|notice|copying)/i.test(entry.name))) copy(entry.name);
  }
}

/** The Pulumi CLI refuses anything else in a plugin tarball (links among them). */
function assertOnlyFilesAndFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) assertOnlyFilesAndFolders(path);
    else if (!entry.isFile()) throw new Error(`${path} is neither a file nor a folder (mode ${lstatSync(path).mode.toString(8)})`);
  }
}

export async function buildPluginTarball(outDir: string, cacheDir: string): Promise<PluginTarball> {
  const root = packageRoot();
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const staging = mkdtempSync(join(tmpdir(), "hosting-plugin-"));
  try {
    copyCompiledProvider(join(staging, "dist"));
    const installed = await productionInstall(cacheDir);
    const installedModules = join(installed, "node_modules");
    // Resolved from beside the install, where node_modules sits as it will in the tarball.
    const besideInstall = mkdtempSync(join(installed, "code-"));
    let reachable: Map<string, PackageParts>;
    try {
      cpSync(join(staging, "dist"), besideInstall, { recursive: true });
      reachable = reachablePackages(besideInstall, installed);
    } finally {
      rmSync(besideInstall, { recursive: true, force: true });
    }
    let reachableBytes = 0;
    for (const [packageDir, parts] of reachable) {
      const target = join(staging, "node_modules", relative(installedModules, packageDir));
      copyPackage(packageDir, parts, target);
      reachableBytes += sizeOf(target);
    }
    pruneUnused(join(staging, "node_modules"));

    writeFileSync(join(staging, "package.json"), JSON.stringify(runtimeManifest(manifest), null, 2) + "\n");
    writeFileSync(join(staging, PLUGIN_EXECUTABLE), launcher(manifest.main));
    chmodSync(join(staging, PLUGIN_EXECUTABLE), 0o755);
    assertOnlyFilesAndFolders(staging);

    mkdirSync(outDir, { recursive: true });
    const path = join(outDir, pluginTarballName(manifest.version));
    // Owned by root, sorted, dated at the epoch: the same sources give the same tarball.
    await run("tar", [
      ...["--create", "--gzip", "--file", path, "--directory", staging],
      ...["--sort=name", "--owner=0", "--group=0", "--numeric-owner", "--mtime=@0", "--hard-dereference"],
      PLUGIN_EXECUTABLE, "package.json", "dist", "node_modules",
    ]);
    const productionInstallBytes = sizeOf(installedModules) + sizeOf(join(staging, "dist"));
    return { path, bytes: statSync(path).size, productionInstallBytes, reachableBytes: reachableBytes + sizeOf(join(staging, "dist")), unpackedBytes: sizeOf(staging) };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
