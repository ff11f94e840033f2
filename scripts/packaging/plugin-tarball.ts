// The plugin as `pulumi plugin install resource hosting <version> -f <tarball>` installs it. The
// CLI unpacks the tarball into its plugin folder (regular files and folders only, modes kept) and
// runs `pulumi-resource-hosting` from there; only when that executable is missing does it read a
// PulumiPlugin.yaml, and with `runtime: nodejs` it would also run `npm install` at install time
// and start the plugin through the Node language host, far slower. So the tarball holds the
// executable at its root, package.json, the compiled provider and the packages it loads.
import { execFile } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { packageRoot } from "../../provider/version";
import { copyCompiledProvider } from "./compiled-provider";
import { productionInstall } from "./production-install";
import { sizeOf } from "./prune";
import { reachablePackages, type PackageParts } from "./reachable-packages";
import { assertOnlyFilesAndFolders, shippedModules } from "./shipped-modules";

const run = promisify(execFile);

export const PLUGIN_EXECUTABLE = "pulumi-resource-hosting";

export interface PluginTarball {
  path: string;
  /** The compressed tarball. */
  bytes: number;
  /** What a plain production install (`npm ci --omit=dev`) and the compiled provider would take. */
  productionInstallBytes: number;
  /** The packages the plugin loads and the provider, before the files Node never loads are removed. */
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
  return ["#!/usr/bin/env node", "// The hosting plugin, as the Pulumi CLI runs it from its plugin folder.", `require(${JSON.stringify(`./${main}`)});`, ""].join("\n");
}

/** The package.json fields the installed plugin reads (name and version) or a reader needs. */
function runtimeManifest(manifest: Record<string, unknown>): Record<string, unknown> {
  const { name, version, description, license, private: isPrivate, main, engines } = manifest;
  return { name, version, description, license, private: isPrivate, main, engines };
}

/** Scans the compiled provider from beside the install, where node_modules sits as it will in the tarball. */
function packagesLoadedBy(code: string, installed: string): Map<string, PackageParts> {
  const besideInstall = mkdtempSync(join(installed, "code-"));
  try {
    cpSync(code, besideInstall, { recursive: true });
    return reachablePackages(besideInstall, installed);
  } finally {
    rmSync(besideInstall, { recursive: true, force: true });
  }
}

export async function buildPluginTarball(outDir: string, cacheDir: string): Promise<PluginTarball> {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8"));
  const staging = mkdtempSync(join(tmpdir(), "hosting-plugin-"));
  try {
    copyCompiledProvider(join(staging, "dist"));
    const installed = await productionInstall(cacheDir);
    const modules = shippedModules(installed, packagesLoadedBy(join(staging, "dist"), installed));
    writeFileSync(join(staging, "package.json"), JSON.stringify(runtimeManifest(manifest), null, 2) + "\n");
    writeFileSync(join(staging, PLUGIN_EXECUTABLE), launcher(manifest.main));
    chmodSync(join(staging, PLUGIN_EXECUTABLE), 0o755);
    assertOnlyFilesAndFolders(staging);

    mkdirSync(outDir, { recursive: true });
    const path = join(outDir, pluginTarballName(manifest.version));
    // Owned by root, sorted, dated at the epoch: the same sources give the same tarball.
    await run("tar", [
      ...["--create", "--gzip", "--file", path, "--sort=name", "--owner=0", "--group=0", "--numeric-owner", "--mtime=@0"],
      ...["--directory", staging, PLUGIN_EXECUTABLE, "package.json", "dist", "--directory", modules.dir, "node_modules"],
    ]);
    const own = sizeOf(staging);
    return {
      path,
      bytes: statSync(path).size,
      productionInstallBytes: modules.productionInstallBytes + own,
      reachableBytes: modules.reachableBytes + own,
      unpackedBytes: modules.bytes + own,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
