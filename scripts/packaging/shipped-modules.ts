// The node_modules folder the plugin tarball ships: of the production install, the parts of the
// packages the plugin loads, without what Node never loads. Made once per install and set of
// parts, and kept beside the install.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pruneUnused, sizeOf } from "./prune";
import type { PackageParts } from "./reachable-packages";

export interface ShippedModules {
  /** The folder holding the node_modules to ship. */
  dir: string;
  /** The parts shipped, before pruning. */
  reachableBytes: number;
  /** After pruning: what the tarball's node_modules unpacks to. */
  bytes: number;
  /** The whole production install's node_modules. */
  productionInstallBytes: number;
}

const LICENSE_OR_MANIFEST = /^(?:package\.json|licen[cs]e|notice|copying)/i;

/** A package's parts, with its package.json and licenses. */
function copyPackage(packageDir: string, parts: PackageParts, target: string): void {
  // A nested node_modules holds other packages: each is copied only when reachable itself.
  const nested = join(packageDir, "node_modules");
  const copy = (name: string) =>
    cpSync(join(packageDir, name), join(target, name), { recursive: true, dereference: true, filter: (source) => source !== nested });
  if (parts === "whole") return copy(".");
  for (const entry of readdirSync(packageDir, { withFileTypes: true })) {
    if (parts.has(entry.name) || (entry.isFile() && LICENSE_OR_MANIFEST.test(entry.name))) copy(entry.name);
  }
}

/** The Pulumi CLI refuses anything else in a plugin tarball (links among them). */
export function assertOnlyFilesAndFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) assertOnlyFilesAndFolders(path);
    else if (!entry.isFile()) throw new Error(`${path} is neither a file nor a folder`);
  }
}

export function shippedModules(installed: string, reachable: Map<string, PackageParts>): ShippedModules {
  const modules = join(installed, "node_modules");
  const parts = [...reachable].map(([dir, p]) => [relative(modules, dir), p === "whole" ? p : [...p].sort()] as const).sort();
  const dir = join(installed, `shipped-${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16)}`);
  const sizes = join(dir, "sizes.json");
  if (existsSync(sizes)) return { dir, ...JSON.parse(readFileSync(sizes, "utf8")) };

  const partial = mkdtempSync(join(installed, "shipping-"));
  try {
    for (const [packageDir, packageParts] of reachable) copyPackage(packageDir, packageParts, join(partial, "node_modules", relative(modules, packageDir)));
    const reachableBytes = sizeOf(join(partial, "node_modules"));
    pruneUnused(join(partial, "node_modules"));
    assertOnlyFilesAndFolders(partial);
    const measured = { reachableBytes, bytes: sizeOf(join(partial, "node_modules")), productionInstallBytes: sizeOf(modules) };
    writeFileSync(join(partial, "sizes.json"), JSON.stringify(measured));
    try {
      renameSync(partial, dir);
    } catch (error) {
      // Another build made the same meanwhile: use that one.
      if (!existsSync(sizes)) throw error;
    }
    return { dir, ...measured };
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
