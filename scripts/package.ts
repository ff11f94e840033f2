// `npm run package`: the plugin tarball for `pulumi plugin install resource hosting <version> -f`
// and the SDK's npm package, both into dist/package/.
import { mkdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot, packageVersion } from "../provider/version";
import { buildPluginTarball, type PluginTarball } from "./packaging/plugin-tarball";
import { buildSdkPackage, type SdkPackage } from "./packaging/sdk-package";

export interface Packages {
  plugin: PluginTarball;
  sdk: SdkPackage;
  milliseconds: number;
}

/** Where the production install is kept between builds (one per lockfile). */
const installCache = () => join(packageRoot(), "dist", "package-install-cache");

export async function buildPackages(outDir = join(packageRoot(), "dist", "package")): Promise<Packages> {
  const started = performance.now();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const [plugin, sdk] = await Promise.all([buildPluginTarball(outDir, installCache()), buildSdkPackage(outDir)]);
  return { plugin, sdk, milliseconds: performance.now() - started };
}

const megabytes = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`) + ` (${bytes} bytes)`;

async function main(): Promise<void> {
  const { plugin, sdk, milliseconds } = await buildPackages();
  const shown = (path: string) => relative(process.cwd(), path);
  console.log(`plugin: ${shown(plugin.path)}, ${megabytes(plugin.bytes)}`);
  console.log(`  unpacked ${megabytes(plugin.unpackedBytes)}: the packages the plugin loads, ${megabytes(plugin.reachableBytes)} with their`);
  console.log(`  types, maps and docs; a whole production install would be ${megabytes(plugin.productionInstallBytes)}`);
  console.log(`sdk:    ${shown(sdk.path)}, ${megabytes(sdk.bytes)}`);
  console.log(`built in ${(milliseconds / 1000).toFixed(1)} s. Install with:`);
  console.log(`  pulumi plugin install resource hosting ${packageVersion()} -f ${shown(plugin.path)}`);
  console.log(`  npm install ${shown(sdk.path)}`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
